/**
 * C8 audit: an append-only log of who did what to which record, when and from where. Every module writes to it
 * through {@link io.kefu.audit.AuditLog}, in the same transaction as the change it records.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package io.kefu.audit;
