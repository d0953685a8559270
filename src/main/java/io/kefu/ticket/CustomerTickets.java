package io.kefu.ticket;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;

import io.kefu.platform.SafeHtml;

/**
 * A customer's own tickets, as the customer portal shows them: only what she may see (no internal notes), and only
 * hers (another customer's ticket does not exist for her).
 */
public interface CustomerTickets {

    /** Her tickets, newest first. */
    List<TicketSummary> of(long customerId, int limit);

    /** One of her tickets with the conversation she sees, or empty if it is not hers. */
    Optional<Conversation> conversation(long customerId, long ticketId);

    /** A file on one of her tickets (never on an internal note), or empty. */
    Optional<StoredFile> file(long customerId, long ticketId, long attachmentId);

    /**
     * Her rating (1 to 5) of the service on a resolved or closed ticket; a ticket is rated once. Refused with 409
     * while the ticket is open or when it has been rated.
     */
    void rate(long customerId, long ticketId, int score, String comment);

    record Conversation(TicketSummary ticket, List<Entry> entries, Rating rating) {

        public boolean ratable() {
            return rating == null && !ticket.state().isOpen();
        }
    }

    /** A message in the conversation: hers or a public reply. {@code html} is sanitised, or null. */
    record Entry(long id, boolean fromCustomer, String authorName, String text, String html, TicketChannel channel,
                 Instant at, List<FileInfo> files) {

        /** The HTML with its inline images pointing at the URLs of its files (by file id), or null. */
        public String htmlWithInlineImages(LongFunction<String> fileUrl) {
            if (html == null || html.isBlank()) {
                return null;
            }
            return SafeHtml.withInlineImages(html, contentId -> files.stream()
                    .filter(f -> f.contentId() != null && SafeHtml.contentId(f.contentId()).equals(contentId))
                    .findFirst().map(f -> fileUrl.apply(f.id())).orElse(null));
        }
    }

    /** @param contentId for an inline image, the Content-ID its message's HTML refers to; otherwise null */
    record FileInfo(long id, String fileName, String contentType, long sizeBytes, String contentId) {
    }

    record StoredFile(String fileName, String contentType, long sizeBytes, Path path) {
    }

    record Rating(int score, String comment, Instant ratedAt) {
    }
}
