package io.kefu.ticket;

/** A ticket was opened for a customer. */
public record TicketCreated(long ticketId, long customerId, String typeCode, TicketChannel channel) {
}
