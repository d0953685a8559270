package io.kefu.ticket;

import java.util.List;
import java.util.Objects;

/**
 * A customer's message from a channel.
 *
 * @param customerId the customer, already resolved through Customer 360
 * @param ticketId   the ticket it answers, or null for a new request
 * @param subject    the new ticket's subject (ignored when threaded); a blank one is taken from the text
 * @param text       the plain-text message (what the customer wrote, without the quoted history)
 * @param html       the message as HTML, or null; it is sanitised before it is stored
 * @param quoted     the quoted history folded away from {@code text}, or null
 * @param authorName how the sender names herself (e.g. the From display name)
 * @param files      attachments and inline images
 */
public record CustomerMessage(long customerId, TicketChannel channel, Long ticketId, String subject, String text,
                              String html, String quoted, String authorName, List<MessageFile> files) {

    public CustomerMessage {
        Objects.requireNonNull(channel, "channel");
        text = text == null ? "" : text;
        files = files == null ? List.of() : List.copyOf(files);
        if (text.isBlank() && (html == null || html.isBlank()) && files.isEmpty()) {
            throw new IllegalArgumentException("a customer message needs a text, an HTML body or a file");
        }
    }

    /** A plain-text message with no files, as a web form or a messaging app sends it. */
    public static CustomerMessage text(long customerId, TicketChannel channel, Long ticketId, String subject,
                                       String text, String authorName) {
        return new CustomerMessage(customerId, channel, ticketId, subject, text, null, null, authorName, List.of());
    }
}
