/**
 * Work orders (工单): creating them for a known or new customer, the conversation, states and the actions between
 * them, first-contact accountability (首问负责制), dispatch to departments and skill groups, queues, return visits
 * of complaints and the sales leads flagged in replies.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Tickets")
package io.kefu.ticket;
