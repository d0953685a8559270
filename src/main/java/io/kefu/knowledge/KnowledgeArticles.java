package io.kefu.knowledge;

import java.util.List;
import java.util.Optional;

/** What other modules (search, the ticket reply box) use of the knowledge base. */
public interface KnowledgeArticles {

    /** A published article as readers see it: {@code html} is sanitised, {@code text} is its plain text. */
    record PublishedArticle(long id, String title, String html, String text, Visibility visibility,
                            List<String> tags, long views, int helpfulVotes, int replyUses) {
    }

    /** The article if it is PUBLISHED, else empty. */
    Optional<PublishedArticle> published(long articleId);

    /** Counts one use of a published article in a reply to a customer; an unknown article is refused with 404. */
    void recordReplyUse(long articleId);
}
