package io.kefu.ticket.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.kefu.platform.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Ready-made replies with placeholders: {@code {{customer.name}}}, {@code {{ticket.number}}},
 * {@code {{ticket.subject}}}, {@code {{agent.name}}}. An unknown placeholder is left as written, so a typo shows.
 */
@Repository
public class CannedReplies {

    public record CannedReply(long id, String title, String body) {
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-zA-Z.]+)\\s*}}");

    private final JdbcClient jdbc;

    CannedReplies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<CannedReply> all() {
        return jdbc.sql("SELECT id, title, body FROM canned_reply ORDER BY title, id")
                .query((rs, n) -> new CannedReply(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
    }

    public Optional<CannedReply> find(long id) {
        return jdbc.sql("SELECT id, title, body FROM canned_reply WHERE id = :id").param("id", id)
                .query((rs, n) -> new CannedReply(rs.getLong(1), rs.getString(2), rs.getString(3))).optional();
    }

    long add(String title, String body, String createdBy) {
        return jdbc.sql("INSERT INTO canned_reply (title, body, created_by) VALUES (:title, :body, :by) RETURNING id")
                .param("title", title).param("body", body).param("by", createdBy).query(Long.class).single();
    }

    boolean delete(long id) {
        return jdbc.sql("DELETE FROM canned_reply WHERE id = :id").param("id", id).update() == 1;
    }

    /** The reply with its placeholders filled for this ticket, customer and agent. */
    public String renderFor(long replyId, Ticket ticket, String customerName, String agentName) {
        CannedReply reply = find(replyId).orElseThrow(() -> DomainException.notFound("cannedReply", replyId));
        return fill(reply.body(), Map.of("customer.name", customerName, "ticket.number", ticket.number(),
                "ticket.subject", ticket.getSubject(), "agent.name", agentName));
    }

    /** The body with its placeholders filled from the values given. */
    static String fill(String body, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(body);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
