/**
 * C1 Customer 360: one company-owned record per customer with its identities (phones, emails, WeChat, app and
 * member ids), owner and department, lifecycle stage, consent, custom attributes and one timeline. Other modules
 * resolve customers through {@link io.kefu.customer.CustomerDirectory} and add to the timeline through
 * {@link io.kefu.customer.CustomerTimeline}; they learn of merges from {@link io.kefu.customer.CustomersMerged}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Customer 360")
package io.kefu.customer;
