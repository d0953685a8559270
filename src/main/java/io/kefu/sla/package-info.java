/**
 * C2 SLA: business calendars (working hours, public holidays, make-up working days, time zone), SLA policies
 * matched on ticket type, priority, customer tier and channel, and the first-response and resolution clocks of
 * each ticket. The ticket module drives the clocks through {@link io.kefu.sla.SlaClocks} and listens to
 * {@link io.kefu.sla.SlaWarningReached} and {@link io.kefu.sla.SlaBreached}; anyone may ask
 * {@link io.kefu.sla.BusinessHours} whether the office is open.
 */
@org.springframework.modulith.ApplicationModule(displayName = "SLA")
package io.kefu.sla;
