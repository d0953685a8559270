package io.kefu.knowledge.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.kefu.knowledge.ArticleState;
import io.kefu.knowledge.Visibility;
import io.kefu.platform.DomainException;
import io.kefu.platform.Sha256;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public help centre: only PUBLISHED and PUBLIC articles exist here, most viewed first. Visitors are anonymous;
 * a random key kept in their browser session (stored here as its SHA-256) allows one vote per article.
 */
@Service
@Transactional
public class HelpCentre {

    private static final int MAX_TEXT = 4000;

    private final JdbcClient jdbc;
    private final ArticleService articles;
    private final KnowledgeProperties properties;
    private final Clock clock;

    HelpCentre(JdbcClient jdbc, ArticleService articles, KnowledgeProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.articles = articles;
        this.properties = properties;
        this.clock = clock;
    }

    /** Public articles, most viewed first; in one category (and its sub-categories are not included) when given. */
    @Transactional(readOnly = true)
    public List<Article> articles(Long categoryId, int limit) {
        return articles.list(new ArticleService.Filter(ArticleState.PUBLISHED, categoryId, Visibility.PUBLIC, false,
                ArticleService.Sort.VIEWS), limit);
    }

    /** A public article, or 404 for anything else (a draft or an internal article does not exist here). */
    @Transactional(readOnly = true)
    public Article article(long id) {
        return articles.find(id).filter(HelpCentre::isPublic)
                .orElseThrow(() -> DomainException.notFound("article", id));
    }

    /** Shows a public article to a reader and counts her view. */
    public Article read(long id) {
        Article article = article(id);
        articles.countView(id);
        return article;
    }

    /** Whether this visitor has voted on the article. */
    @Transactional(readOnly = true)
    public boolean hasVoted(long articleId, String visitorKey) {
        return visitorKey != null && jdbc.sql("SELECT count(*) FROM kb_vote WHERE article_id = :a AND visitor_key = :k")
                .param("a", articleId).param("k", Sha256.hex(visitorKey)).query(Long.class).single() > 0;
    }

    /** Records a visitor's vote; a second vote from the same session is refused with 409 and changes nothing. */
    public void vote(long articleId, String visitorKey, boolean helpful, String comment) {
        article(articleId);
        String note = comment == null || comment.isBlank() ? null : comment.strip();
        if (note != null && note.length() > MAX_TEXT) {
            throw DomainException.onField(HttpStatus.BAD_REQUEST, "comment", "knowledge.commentTooLong");
        }
        int inserted = jdbc.sql("""
                INSERT INTO kb_vote (article_id, visitor_key, helpful, comment) VALUES (:a, :k, :helpful, :comment)
                ON CONFLICT (article_id, visitor_key) DO NOTHING""")
                .param("a", articleId).param("k", Sha256.hex(visitorKey)).param("helpful", helpful)
                .param("comment", note).update();
        if (inserted == 0) {
            throw new DomainException(HttpStatus.CONFLICT, "help.alreadyVoted");
        }
        jdbc.sql(helpful ? "UPDATE kb_article SET helpful_votes = helpful_votes + 1 WHERE id = :id"
                : "UPDATE kb_article SET unhelpful_votes = unhelpful_votes + 1 WHERE id = :id")
                .param("id", articleId).update();
    }

    /** The comments readers left with their votes, newest first. */
    @Transactional(readOnly = true)
    public List<VoteComment> voteComments(long articleId, int limit) {
        return jdbc.sql("""
                SELECT helpful, comment, created_at FROM kb_vote WHERE article_id = :a AND comment IS NOT NULL
                ORDER BY id DESC LIMIT :limit""").param("a", articleId).param("limit", limit)
                .query((rs, n) -> new VoteComment(rs.getBoolean(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
                .list();
    }

    public record VoteComment(boolean helpful, String comment, Instant at) {
    }

    /**
     * Stores a customer's suggestion for staff to review. Each client address may send
     * {@code suggestionsPerAddress} within {@code suggestionWindow}, counted in the database so every node agrees;
     * more are refused with 429.
     */
    public long suggest(long articleId, String name, String email, String text, String clientAddress) {
        article(articleId);
        String cleanName = required(name, "name", 100);
        String cleanEmail = required(email, "email", 254).toLowerCase(Locale.ROOT);
        if (!cleanEmail.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw DomainException.onField(HttpStatus.BAD_REQUEST, "email", "help.emailInvalid");
        }
        String cleanText = required(text, "text", MAX_TEXT);
        String address = Optional.ofNullable(clientAddress).orElse("unknown");
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(:key))").param("key", "kb-suggestion:" + address)
                .query().singleValue();
        Instant since = clock.instant().minus(properties.suggestionWindow());
        long recent = jdbc.sql("SELECT count(*) FROM kb_suggestion WHERE client_address = :a AND created_at >= :since")
                .param("a", address).param("since", Timestamp.from(since)).query(Long.class).single();
        if (recent >= properties.suggestionsPerAddress()) {
            throw new DomainException(HttpStatus.TOO_MANY_REQUESTS, "help.tooManySuggestions",
                    properties.suggestionWindow().toMinutes());
        }
        return jdbc.sql("""
                INSERT INTO kb_suggestion (article_id, name, email, text, client_address, created_at)
                VALUES (:a, :name, :email, :text, :address, :at) RETURNING id""")
                .param("a", articleId).param("name", cleanName).param("email", cleanEmail).param("text", cleanText)
                .param("address", address).param("at", Timestamp.from(clock.instant())).query(Long.class).single();
    }

    private static String required(String value, String field, int max) {
        String clean = value == null ? "" : value.strip();
        if (clean.isEmpty()) {
            throw DomainException.onField(HttpStatus.BAD_REQUEST, field, "help.required");
        }
        if (clean.length() > max) {
            throw DomainException.onField(HttpStatus.BAD_REQUEST, field, "help.tooLong", max);
        }
        return clean;
    }

    private static boolean isPublic(Article article) {
        return article.state() == ArticleState.PUBLISHED && article.visibility() == Visibility.PUBLIC;
    }
}
