package io.kefu.search;

/**
 * One result. {@code snippet} is a passage of the body, HTML-escaped, with the matched words inside
 * {@code <mark>...</mark>} (the only markup in it), so a page may insert it unescaped. {@code score} is the blend
 * that ranked it; {@code text}, {@code semantic} and {@code popularity} are its normalised parts, each in [0, 1].
 */
public record SearchHit(String kind, long id, String title, String snippet, double score, double text,
                        double semantic, double popularity) {
}
