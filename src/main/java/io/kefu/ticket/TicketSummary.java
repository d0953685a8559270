package io.kefu.ticket;

import java.time.Instant;

/**
 * A ticket as other modules and customers see it.
 *
 * @param number    how people name the ticket, e.g. {@code #42}
 * @param nextDueAt the earliest running SLA deadline, or null
 */
public record TicketSummary(long id, String number, long customerId, TicketState state, TicketChannel channel,
                            String subject, Instant createdAt, Instant updatedAt, Instant nextDueAt) {
}
