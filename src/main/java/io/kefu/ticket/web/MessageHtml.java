package io.kefu.ticket.web;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongFunction;
import java.util.stream.Collectors;

import io.kefu.platform.SafeHtml;
import io.kefu.ticket.internal.TicketAttachments;
import io.kefu.ticket.internal.TicketJournal;

/**
 * Customers' HTML messages (stored sanitised) ready to show: inline images that refer to the message's own parts
 * ({@code cid:...}) point at the stored files instead.
 */
final class MessageHtml {

    private MessageHtml() {
    }

    /** The shown HTML of each entry that has one, by entry id. */
    static Map<Long, String> of(List<TicketJournal.Article> articles, List<TicketAttachments.Attachment> files,
                                LongFunction<String> fileUrl) {
        return articles.stream().filter(a -> a.html() != null && !a.html().isBlank())
                .collect(Collectors.toMap(TicketJournal.Article::id, a -> {
                    Map<String, Long> images = inlineImagesOf(a.id(), files);
                    return SafeHtml.withInlineImages(a.html(), contentId -> {
                        Long id = images.get(contentId);
                        return id == null ? null : fileUrl.apply(id);
                    });
                }));
    }

    private static Map<String, Long> inlineImagesOf(long articleId, List<TicketAttachments.Attachment> files) {
        return files.stream().filter(f -> Objects.equals(f.articleId(), articleId) && f.contentId() != null)
                .collect(Collectors.toMap(f -> SafeHtml.contentId(f.contentId()), TicketAttachments.Attachment::id,
                        (first, second) -> first));
    }
}
