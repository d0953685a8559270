package io.kefu.knowledge.internal;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.kefu.identity.StaffPrincipal;
import io.kefu.knowledge.ArticleAction;
import io.kefu.knowledge.ArticleChanged;
import io.kefu.knowledge.ArticleState;
import io.kefu.knowledge.KnowledgeArticles;
import io.kefu.knowledge.Visibility;
import io.kefu.platform.DomainException;
import io.kefu.platform.SafeHtml;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Articles, their versions and their workflow. Every save (creation, edit, restore) is a new numbered version; the
 * article row holds the latest one, its state and its counters. Moves between states are those of
 * {@link ArticleAction}, taken only by people with the action's permission.
 */
@Service
@Transactional
public class ArticleService implements KnowledgeArticles {

    /** The offices Kefu serves are in China: an article expires at the start of its day there. */
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private static final int MAX_TAGS = 20;

    private final JdbcClient jdbc;
    private final Categories categories;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ArticleService(JdbcClient jdbc, Categories categories, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.categories = categories;
        this.events = events;
        this.clock = clock;
    }

    /** How the list is ordered. */
    public enum Sort { UPDATED, VIEWS }

    /** What the staff list shows; null members do not filter. */
    public record Filter(ArticleState state, Long categoryId, Visibility visibility, boolean expiredOnly, Sort sort) {
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(ZONE));
    }

    public Article create(ArticleDraft draft, Long sourceTicketId, StaffPrincipal writer) {
        ArticleDraft clean = validated(draft);
        long id = jdbc.sql("""
                INSERT INTO kb_article (title, body, visibility, state, category_id, tags, owner_id, owner_name,
                    expires_on, current_version, source_ticket_id)
                VALUES (:title, :body, :visibility, 'DRAFT', :category, string_to_array(:tags, ','), :owner,
                    :ownerName, :expires, 1, :ticket) RETURNING id""")
                .params(contentParams(clean)).param("owner", writer.id()).param("ownerName", writer.displayName())
                .param("ticket", sourceTicketId).query(Long.class).single();
        insertVersion(id, 1, clean, writer.displayName(), null);
        return changed(get(id));
    }

    /**
     * Saves a change as a new version. {@code baseVersion}, when given, is the version the writer started from: a
     * colleague's save in between is refused with 409 rather than overwritten.
     */
    public Article update(long id, ArticleDraft draft, Integer baseVersion, StaffPrincipal writer) {
        return save(id, validated(draft), baseVersion, writer, null);
    }

    /** Saves the content of an old version as a new version; nothing is ever lost. */
    public Article restore(long id, int number, StaffPrincipal writer) {
        ArticleVersion old = version(id, number);
        ArticleDraft draft = new ArticleDraft(old.title(), old.body(), old.visibility(),
                old.categoryId() != null && categories.exists(old.categoryId()) ? old.categoryId() : null,
                old.tags(), old.expiresOn());
        return save(id, draft, null, writer, "#" + number);
    }

    private Article save(long id, ArticleDraft clean, Integer baseVersion, StaffPrincipal writer, String restoredFrom) {
        Article current = lock(id);
        if (baseVersion != null && baseVersion != current.currentVersion()) {
            throw new DomainException(HttpStatus.CONFLICT, "knowledge.staleVersion", current.currentVersion());
        }
        ArticleState next = ArticleAction.EDIT.targetFrom(current.state()).orElseThrow(() ->
                new DomainException(HttpStatus.CONFLICT, "knowledge.notEditable"));
        int number = current.currentVersion() + 1;
        jdbc.sql("""
                UPDATE kb_article SET title = :title, body = :body, visibility = :visibility, category_id = :category,
                    tags = string_to_array(:tags, ','), expires_on = :expires, current_version = :number,
                    state = :state, updated_at = now()
                WHERE id = :id""")
                .params(contentParams(clean)).param("number", number).param("state", next.name()).param("id", id)
                .update();
        insertVersion(id, number, clean, writer.displayName(), restoredFrom);
        if (next != current.state()) {
            recordEvent(id, ArticleAction.EDIT, current.state(), next, null, writer.displayName());
        }
        return changed(get(id));
    }

    /** Takes a workflow action; a reviewer's SEND_BACK needs a comment (400 without one). */
    public Article transition(long id, ArticleAction action, String comment, StaffPrincipal actor) {
        if (action == ArticleAction.EDIT) {
            throw DomainException.onField(HttpStatus.BAD_REQUEST, "action", "knowledge.editIsNotAnAction");
        }
        if (!actor.can(action.permission())) {
            throw new AccessDeniedException(action.name());
        }
        String note = comment == null || comment.isBlank() ? null : comment.strip();
        if (action.needsComment() && note == null) {
            throw DomainException.onField(HttpStatus.BAD_REQUEST, "comment", "knowledge.commentRequired");
        }
        if (note != null && note.length() > 4000) {
            throw DomainException.onField(HttpStatus.BAD_REQUEST, "comment", "knowledge.commentTooLong");
        }
        Article current = lock(id);
        ArticleState target = action.targetFrom(current.state()).orElseThrow(() ->
                new DomainException(HttpStatus.CONFLICT, "knowledge.actionNotAllowed", action.name(),
                        current.state().name()));
        jdbc.sql("""
                UPDATE kb_article SET state = :state, updated_at = now(),
                    published_at = CASE WHEN :state = 'PUBLISHED' THEN now() ELSE published_at END
                WHERE id = :id""").param("state", target.name()).param("id", id).update();
        recordEvent(id, action, current.state(), target, note, actor.displayName());
        return changed(get(id));
    }

    @Transactional(readOnly = true)
    public Article get(long id) {
        return find(id).orElseThrow(() -> DomainException.notFound("article", id));
    }

    @Transactional(readOnly = true)
    public Optional<Article> find(long id) {
        return jdbc.sql(SELECT + " WHERE id = :id").param("id", id).query(ROW).optional();
    }

    @Transactional(readOnly = true)
    public List<Article> list(Filter filter, int limit) {
        StringBuilder sql = new StringBuilder(SELECT + " WHERE true");
        var params = new HashMap<String, Object>();
        if (filter.state() != null) {
            sql.append(" AND state = :state");
            params.put("state", filter.state().name());
        }
        if (filter.categoryId() != null) {
            sql.append(" AND category_id = :category");
            params.put("category", filter.categoryId());
        }
        if (filter.visibility() != null) {
            sql.append(" AND visibility = :visibility");
            params.put("visibility", filter.visibility().name());
        }
        if (filter.expiredOnly()) {
            sql.append(" AND expires_on <= :today");
            params.put("today", Date.valueOf(today()));
        }
        sql.append(filter.sort() == Sort.VIEWS ? " ORDER BY views DESC, id DESC" : " ORDER BY updated_at DESC, id DESC");
        sql.append(" LIMIT :limit");
        params.put("limit", limit);
        return jdbc.sql(sql.toString()).params(params).query(ROW).list();
    }

    @Transactional(readOnly = true)
    public List<ArticleVersion> versions(long id) {
        get(id);
        return jdbc.sql(VERSION_SELECT + " WHERE article_id = :id ORDER BY number DESC").param("id", id)
                .query(VERSION_ROW).list();
    }

    @Transactional(readOnly = true)
    public ArticleVersion version(long id, int number) {
        get(id);
        return jdbc.sql(VERSION_SELECT + " WHERE article_id = :id AND number = :number").param("id", id)
                .param("number", number).query(VERSION_ROW).optional()
                .orElseThrow(() -> DomainException.notFound("articleVersion", number));
    }

    @Transactional(readOnly = true)
    public List<ArticleEvent> events(long id) {
        return jdbc.sql("""
                SELECT action, from_state, to_state, comment, actor_name, at FROM kb_article_event
                WHERE article_id = :id ORDER BY id DESC""").param("id", id)
                .query((rs, n) -> new ArticleEvent(ArticleAction.valueOf(rs.getString(1)),
                        ArticleState.valueOf(rs.getString(2)), ArticleState.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant())).list();
    }

    /** Counts a reader's view of the article. */
    public void countView(long id) {
        jdbc.sql("UPDATE kb_article SET views = views + 1 WHERE id = :id").param("id", id).update();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<PublishedArticle> published(long articleId) {
        return find(articleId).filter(a -> a.state() == ArticleState.PUBLISHED)
                .map(a -> new PublishedArticle(a.id(), a.title(), a.body(), SafeHtml.toText(a.body()),
                        a.visibility(), a.tags(), a.views(), a.helpfulVotes(), a.replyUses()));
    }

    @Override
    public void recordReplyUse(long articleId) {
        int updated = jdbc.sql("UPDATE kb_article SET reply_uses = reply_uses + 1 WHERE id = :id AND state = 'PUBLISHED'")
                .param("id", articleId).update();
        if (updated == 0) {
            throw DomainException.notFound("article", articleId);
        }
    }

    private Article lock(long id) {
        jdbc.sql("SELECT id FROM kb_article WHERE id = :id FOR UPDATE").param("id", id).query(Long.class).optional()
                .orElseThrow(() -> DomainException.notFound("article", id));
        return get(id);
    }

    private Article changed(Article article) {
        events.publishEvent(new ArticleChanged(article.id(), article.state(), article.visibility()));
        return article;
    }

    private void insertVersion(long id, int number, ArticleDraft d, String author, String restoredFrom) {
        jdbc.sql("""
                INSERT INTO kb_article_version (article_id, number, title, body, visibility, category_id, tags,
                    expires_on, author_name, note)
                VALUES (:id, :number, :title, :body, :visibility, :category, string_to_array(:tags, ','), :expires,
                    :author, :note)""")
                .params(contentParams(d)).param("id", id).param("number", number).param("author", author)
                .param("note", restoredFrom).update();
    }

    private void recordEvent(long id, ArticleAction action, ArticleState from, ArticleState to, String comment,
                             String actor) {
        jdbc.sql("""
                INSERT INTO kb_article_event (article_id, action, from_state, to_state, comment, actor_name)
                VALUES (:id, :action, :from, :to, :comment, :actor)""")
                .param("id", id).param("action", action.name()).param("from", from.name()).param("to", to.name())
                .param("comment", comment).param("actor", actor).update();
    }

    private static Map<String, Object> contentParams(ArticleDraft d) {
        var params = new HashMap<String, Object>();
        params.put("title", d.title());
        params.put("body", d.body());
        params.put("visibility", d.visibility().name());
        params.put("category", d.categoryId());
        params.put("tags", String.join(",", d.tags()));
        params.put("expires", d.expiresOn() == null ? null : Date.valueOf(d.expiresOn()));
        return params;
    }

    /** The draft as stored: trimmed, the body sanitised, the tags cleaned; 400 on the field at fault. */
    private ArticleDraft validated(ArticleDraft d) {
        String title = d.title() == null ? "" : d.title().strip();
        if (title.isEmpty()) {
            throw DomainException.onField(HttpStatus.BAD_REQUEST, "title", "knowledge.titleRequired");
        }
        if (title.length() > 200) {
            throw DomainException.onField(HttpStatus.BAD_REQUEST, "title", "knowledge.titleTooLong");
        }
        String body = SafeHtml.sanitise(d.body() == null ? "" : d.body()).strip();
        if (SafeHtml.toText(body).isBlank() && !body.contains("<img")) {
            throw DomainException.onField(HttpStatus.BAD_REQUEST, "body", "knowledge.bodyRequired");
        }
        if (body.length() > 200_000) {
            throw DomainException.onField(HttpStatus.BAD_REQUEST, "body", "knowledge.bodyTooLong");
        }
        if (d.categoryId() != null && !categories.exists(d.categoryId())) {
            throw DomainException.onField(HttpStatus.BAD_REQUEST, "categoryId", "knowledge.unknownCategory",
                    d.categoryId());
        }
        return new ArticleDraft(title, body, d.visibility() == null ? Visibility.INTERNAL : d.visibility(),
                d.categoryId(), cleanTags(d.tags()), d.expiresOn());
    }

    /** Tags as typed, split on commas (Chinese or Latin), trimmed and without repeats. */
    static List<String> cleanTags(List<String> tags) {
        Set<String> clean = new LinkedHashSet<>();
        for (String tag : tags == null ? List.<String>of() : tags) {
            for (String piece : (tag == null ? "" : tag).split("[,\uFF0C\u3001]")) {
                String t = piece.strip();
                if (t.length() > 50) {
                    throw DomainException.onField(HttpStatus.BAD_REQUEST, "tags", "knowledge.tagTooLong", t);
                }
                if (!t.isEmpty()) {
                    clean.add(t);
                }
            }
        }
        if (clean.size() > MAX_TAGS) {
            throw DomainException.onField(HttpStatus.BAD_REQUEST, "tags", "knowledge.tooManyTags", MAX_TAGS);
        }
        return new ArrayList<>(clean);
    }

    private static final String SELECT = """
            SELECT id, title, body, visibility, state, category_id, tags, owner_id, owner_name, expires_on,
                current_version, source_ticket_id, views, helpful_votes, unhelpful_votes, reply_uses, created_at,
                updated_at, published_at FROM kb_article""";

    private static final RowMapper<Article> ROW = (rs, n) -> new Article(rs.getLong("id"), rs.getString("title"),
            rs.getString("body"), Visibility.valueOf(rs.getString("visibility")),
            ArticleState.valueOf(rs.getString("state")), rs.getObject("category_id", Long.class),
            strings(rs.getArray("tags")), rs.getLong("owner_id"), rs.getString("owner_name"),
            date(rs, "expires_on"), rs.getInt("current_version"), rs.getObject("source_ticket_id", Long.class),
            rs.getLong("views"), rs.getInt("helpful_votes"), rs.getInt("unhelpful_votes"), rs.getInt("reply_uses"),
            rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
            instant(rs.getTimestamp("published_at")));

    private static final String VERSION_SELECT = """
            SELECT article_id, number, title, body, visibility, category_id, tags, expires_on, author_name, note,
                created_at FROM kb_article_version""";

    private static final RowMapper<ArticleVersion> VERSION_ROW = (rs, n) -> new ArticleVersion(
            rs.getLong("article_id"), rs.getInt("number"), rs.getString("title"), rs.getString("body"),
            Visibility.valueOf(rs.getString("visibility")), rs.getObject("category_id", Long.class),
            strings(rs.getArray("tags")), date(rs, "expires_on"), rs.getString("author_name"), rs.getString("note"),
            rs.getTimestamp("created_at").toInstant());

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date date = rs.getDate(column);
        return date == null ? null : date.toLocalDate();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
