package io.kefu.ticket;

/**
 * An agent sent a public reply on a ticket; the channel the ticket came from delivers it to the customer.
 *
 * @param channel the channel the ticket came in by
 */
public record TicketReplied(long ticketId, String ticketNumber, long customerId, long articleId,
                            TicketChannel channel, String subject, String text, long authorStaffId,
                            String authorName) {
}
