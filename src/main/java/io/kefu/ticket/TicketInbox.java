package io.kefu.ticket;

import java.util.Optional;

/**
 * How channels (email, the customer portal, messaging apps, chat) bring a customer's message to the tickets: it
 * is added to the ticket it answers or opens a new one. Everything runs in the caller's transaction, so a channel
 * that records its own delivery (a Message-ID, a webhook's message id) in the same transaction stores a message
 * once or not at all.
 */
public interface TicketInbox {

    /**
     * Threads the message onto {@link CustomerMessage#ticketId()} when that ticket exists and is not closed (a
     * resolved ticket is reopened, one waiting on the customer resumes), otherwise opens a new ticket. The channel
     * decides what a message answers, whoever the ticket belongs to: a mail threads by its Message-ID even when a
     * colleague in Cc replies. A channel that takes a ticket id from the customer herself (the portal) checks first
     * that the ticket is hers, through {@link CustomerTickets}.
     */
    Delivery receive(CustomerMessage message);

    /** The ticket as channels see it, or empty if there is none with this id. */
    Optional<TicketSummary> find(long ticketId);

    /** The customer's most recent ticket from this channel that is still open, to thread chat-like messages onto. */
    Optional<TicketSummary> latestOpen(long customerId, TicketChannel channel);

    /** Where a message landed. */
    record Delivery(long ticketId, long articleId, boolean openedTicket) {
    }
}
