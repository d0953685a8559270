package io.kefu.ticket;

/** A ticket moved from one state to another, e.g. resolved (when a complaint's return visit becomes due). */
public record TicketStateChanged(long ticketId, long customerId, String typeCode, TicketState from, TicketState to) {
}
