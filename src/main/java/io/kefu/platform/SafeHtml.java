package io.kefu.platform;

import java.util.function.Function;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Safelist;

/**
 * Customer-supplied HTML (a mail, a portal message) made safe to show to staff: an allow-list of formatting
 * elements, no scripts, styles, event handlers, forms or frames; links open elsewhere and carry no referrer; images
 * only from the message itself ({@code cid:}) or {@code data:}, so opening a mail never tells a tracker it was read.
 */
public final class SafeHtml {

    private static final Safelist ALLOWED = Safelist.relaxed()
            .removeProtocols("img", "src", "http", "https")
            .addProtocols("img", "src", "cid", "data")
            .addAttributes("td", "align", "valign")
            .addAttributes("th", "align", "valign")
            .addEnforcedAttribute("a", "rel", "noopener noreferrer nofollow")
            .addEnforcedAttribute("a", "target", "_blank");

    private SafeHtml() {
    }

    /** The HTML with everything outside the allow-list removed; null stays null. */
    public static String sanitise(String html) {
        if (html == null) {
            return null;
        }
        Document.OutputSettings compact = new Document.OutputSettings().prettyPrint(false);
        return Jsoup.clean(html, "", ALLOWED, compact);
    }

    /**
     * The (already sanitised) HTML with its inline images ({@code cid:...}) pointing where the message's stored
     * parts are served; an image whose part is unknown loses its source rather than pointing nowhere.
     *
     * @param urlOfContentId the URL of the part with this Content-ID (without angle brackets), or null
     */
    public static String withInlineImages(String html, Function<String, String> urlOfContentId) {
        Document document = Jsoup.parseBodyFragment(html);
        document.outputSettings().prettyPrint(false);
        for (Element image : document.select("img[src^=cid:]")) {
            String url = urlOfContentId.apply(contentId(image.attr("src").substring(4)));
            if (url == null) {
                image.removeAttr("src");
            } else {
                image.attr("src", url);
            }
        }
        return document.body().html();
    }

    /** A Content-ID as referred to: mail writes it with or without angle brackets. */
    public static String contentId(String raw) {
        String id = raw.strip();
        return id.startsWith("<") && id.endsWith(">") ? id.substring(1, id.length() - 1) : id;
    }

    /** The text a reader sees in the HTML, with line breaks where blocks and {@code <br>} put them. */
    public static String toText(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        Document document = Jsoup.parse(html);
        document.outputSettings(new Document.OutputSettings().prettyPrint(false));
        document.select("script, style, head").remove();
        for (Element br : document.select("br")) {
            br.after("\n");
        }
        for (Element block : document.select("p, div, li, tr, h1, h2, h3, h4, h5, h6, blockquote, pre")) {
            block.append("\n");
        }
        return document.wholeText().replace('\u00a0', ' ').replaceAll("[ \\t]+\\n", "\n")
                .replaceAll("\\n{3,}", "\n\n").strip();
    }
}
