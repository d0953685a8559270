package io.kefu.knowledge.internal;

import java.time.Instant;
import java.util.List;

import io.kefu.customer.CustomerDirectory;
import io.kefu.customer.CustomerIdentity;
import io.kefu.customer.IdentityKind;
import io.kefu.identity.StaffPrincipal;
import io.kefu.platform.DomainException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Customers' suggestions from the help centre, reviewed by staff. Accepting one finds (or creates) the customer by
 * the email she gave and awards her loyalty points, on her record and timeline, in the same transaction.
 */
@Service
@Transactional
public class Suggestions {

    public enum State { PENDING, ACCEPTED, REJECTED }

    public record Suggestion(long id, long articleId, String articleTitle, String name, String email, String text,
                             State state, Long customerId, Integer points, String decidedBy, Instant decidedAt,
                             Instant createdAt) {
    }

    private final JdbcClient jdbc;
    private final CustomerDirectory customers;
    private final KnowledgeProperties properties;

    Suggestions(JdbcClient jdbc, CustomerDirectory customers, KnowledgeProperties properties) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.properties = properties;
    }

    /** Suggestions in this state (pending first by default), oldest first for pending ones, else newest first. */
    @Transactional(readOnly = true)
    public List<Suggestion> list(State state, int limit) {
        return jdbc.sql(SELECT + " WHERE s.state = :state ORDER BY s.id " + (state == State.PENDING ? "ASC" : "DESC")
                        + " LIMIT :limit")
                .param("state", state.name()).param("limit", limit).query(ROW).list();
    }

    @Transactional(readOnly = true)
    public Suggestion get(long id) {
        return jdbc.sql(SELECT + " WHERE s.id = :id").param("id", id).query(ROW).optional()
                .orElseThrow(() -> DomainException.notFound("suggestion", id));
    }

    /** Accepts a pending suggestion and awards its sender the configured loyalty points. */
    public Suggestion accept(long id, StaffPrincipal reviewer) {
        Suggestion pending = pending(id);
        CustomerDirectory.CustomerSummary customer = customers.resolveOrCreate(pending.name(),
                List.of(new CustomerIdentity(IdentityKind.EMAIL, pending.email())),
                StaffPrincipal.system("help-centre"));
        int points = properties.suggestionPoints();
        if (points > 0) {
            customers.awardLoyaltyPoints(customer.id(), points, pending.articleTitle());
        }
        decide(id, State.ACCEPTED, customer.id(), points, reviewer);
        return get(id);
    }

    public Suggestion reject(long id, StaffPrincipal reviewer) {
        pending(id);
        decide(id, State.REJECTED, null, null, reviewer);
        return get(id);
    }

    private Suggestion pending(long id) {
        jdbc.sql("SELECT id FROM kb_suggestion WHERE id = :id FOR UPDATE").param("id", id).query(Long.class)
                .optional().orElseThrow(() -> DomainException.notFound("suggestion", id));
        Suggestion suggestion = get(id);
        if (suggestion.state() != State.PENDING) {
            throw new DomainException(HttpStatus.CONFLICT, "knowledge.suggestionDecided");
        }
        return suggestion;
    }

    private void decide(long id, State state, Long customerId, Integer points, StaffPrincipal reviewer) {
        jdbc.sql("""
                UPDATE kb_suggestion SET state = :state, customer_id = :customer, points = :points,
                    decided_by = :by, decided_at = now() WHERE id = :id""")
                .param("state", state.name()).param("customer", customerId).param("points", points)
                .param("by", reviewer.displayName()).param("id", id).update();
    }

    private static final String SELECT = """
            SELECT s.id, s.article_id, a.title, s.name, s.email, s.text, s.state, s.customer_id, s.points,
                s.decided_by, s.decided_at, s.created_at
            FROM kb_suggestion s JOIN kb_article a ON a.id = s.article_id""";

    private static final RowMapper<Suggestion> ROW = (rs, n) -> new Suggestion(rs.getLong(1), rs.getLong(2),
            rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), State.valueOf(rs.getString(7)),
            rs.getObject(8, Long.class), rs.getObject(9, Integer.class), rs.getString(10),
            rs.getTimestamp(11) == null ? null : rs.getTimestamp(11).toInstant(), rs.getTimestamp(12).toInstant());
}
