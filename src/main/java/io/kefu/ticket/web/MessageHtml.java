package io.kefu.ticket.web;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongFunction;
import java.util.stream.Collectors;

import io.kefu.ticket.internal.TicketAttachments;
import io.kefu.ticket.internal.TicketJournal;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A customer's HTML message (stored sanitised) ready to show: inline images that refer to the message's own parts
 * ({@code cid:...}) point at the stored files instead.
 */
final class MessageHtml {

    private MessageHtml() {
    }

    /** The shown HTML of each entry that has one, by entry id. */
    static Map<Long, String> of(List<TicketJournal.Article> articles, List<TicketAttachments.Attachment> files,
                                LongFunction<String> fileUrl) {
        return articles.stream().filter(a -> a.html() != null && !a.html().isBlank())
                .collect(Collectors.toMap(TicketJournal.Article::id,
                        a -> withInlineImages(a.html(), inlineImagesOf(a.id(), files), fileUrl)));
    }

    private static Map<String, Long> inlineImagesOf(long articleId, List<TicketAttachments.Attachment> files) {
        return files.stream().filter(f -> Objects.equals(f.articleId(), articleId) && f.contentId() != null)
                .collect(Collectors.toMap(f -> normalise(f.contentId()), TicketAttachments.Attachment::id,
                        (first, second) -> first));
    }

    private static String withInlineImages(String html, Map<String, Long> images, LongFunction<String> fileUrl) {
        Document document = Jsoup.parseBodyFragment(html);
        document.outputSettings().prettyPrint(false);
        for (Element image : document.select("img[src^=cid:]")) {
            Long id = images.get(normalise(image.attr("src").substring(4)));
            if (id == null) {
                image.removeAttr("src");
            } else {
                image.attr("src", fileUrl.apply(id));
            }
        }
        return document.body().html();
    }

    /** Content-IDs are written with or without angle brackets. */
    private static String normalise(String contentId) {
        String id = contentId.strip();
        return id.startsWith("<") && id.endsWith(">") ? id.substring(1, id.length() - 1) : id;
    }
}
