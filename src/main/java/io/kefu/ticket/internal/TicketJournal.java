package io.kefu.ticket.internal;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import io.kefu.platform.Text;
import io.kefu.ticket.TicketChannel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A ticket's conversation and the history of every change to its fields. */
@Repository
public class TicketJournal {

    /** The width of the ticket tables' name columns (who acted, who wrote, who sent a file). */
    static final int NAME_LENGTH = 100;

    /**
     * An entry of the conversation.
     *
     * @param channel the channel a customer's message came by; null for what staff wrote in Kefu
     * @param html    a customer's message as sanitised HTML, or null
     * @param quoted  the quoted history folded away from a customer's message, or null
     */
    public record Article(long id, long ticketId, ArticleKind kind, String body, Long authorStaffId, String authorName,
                          Instant createdAt, TicketChannel channel, String html, String quoted) {
    }

    public record Change(long id, String actorName, String field, String oldValue, String newValue,
                         Instant changedAt) {
    }

    private final JdbcClient jdbc;

    TicketJournal(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long addArticle(long ticketId, ArticleKind kind, String body, Long authorStaffId, String authorName) {
        return jdbc.sql("""
                INSERT INTO ticket_article (ticket_id, kind, body, author_staff_id, author_name)
                VALUES (:ticket, :kind, :body, :author, :name) RETURNING id""")
                .param("ticket", ticketId).param("kind", kind.name()).param("body", body)
                .param("author", authorStaffId).param("name", authorName).query(Long.class).single();
    }

    /** Stores a customer's message; its HTML must already be sanitised. */
    long addCustomerMessage(long ticketId, long customerId, TicketChannel channel, String authorName, String text,
                            String safeHtml, String quoted) {
        return jdbc.sql("""
                INSERT INTO ticket_article (ticket_id, kind, body, author_name, author_customer_id, channel,
                    body_html, quoted)
                VALUES (:ticket, 'CUSTOMER_MESSAGE', :body, :name, :customer, :channel, :html, :quoted)
                RETURNING id""")
                .param("ticket", ticketId).param("body", text.strip()).param("name", authorName)
                .param("customer", customerId).param("channel", channel.name())
                .param("html", safeHtml).param("quoted", quoted).query(Long.class).single();
    }

    public List<Article> articles(long ticketId) {
        return jdbc.sql("""
                SELECT id, ticket_id, kind, body, author_staff_id, author_name, created_at, channel, body_html, quoted
                FROM ticket_article WHERE ticket_id = :ticket ORDER BY id""").param("ticket", ticketId)
                .query((rs, n) -> new Article(rs.getLong(1), rs.getLong(2), ArticleKind.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getObject(5, Long.class), rs.getString(6),
                        rs.getTimestamp(7).toInstant(),
                        rs.getString(8) == null ? null : TicketChannel.valueOf(rs.getString(8)), rs.getString(9),
                        rs.getString(10)))
                .list();
    }

    /**
     * Writes a line of history when the value really changed. The actor is cut to {@link #NAME_LENGTH}: a customer's
     * name may have 200 characters, and her message must not be refused for it.
     */
    void recordChange(long ticketId, String actorName, String field, Object oldValue, Object newValue) {
        if (Objects.equals(oldValue, newValue)) {
            return;
        }
        jdbc.sql("""
                INSERT INTO ticket_history (ticket_id, actor_name, field, old_value, new_value)
                VALUES (:ticket, :actor, :field, :old, :new)""")
                .param("ticket", ticketId).param("actor", Text.truncate(actorName, NAME_LENGTH)).param("field", field)
                .param("old", oldValue == null ? null : oldValue.toString())
                .param("new", newValue == null ? null : newValue.toString()).update();
    }

    public List<Change> history(long ticketId) {
        return jdbc.sql("""
                SELECT id, actor_name, field, old_value, new_value, changed_at FROM ticket_history
                WHERE ticket_id = :ticket ORDER BY id""").param("ticket", ticketId)
                .query((rs, n) -> new Change(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getTimestamp(6).toInstant()))
                .list();
    }
}
