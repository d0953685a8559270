/**
 * The phone line (热线): a record of every call, pushed by the telephone system or logged by hand, matched to the
 * customer by the caller's number, on her timeline and linkable to a ticket; and the phone queue's figures hour by
 * hour (waits, abandoned calls, calls answered within the target, hours when too many callers waited).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Phone line")
package io.kefu.phone;
