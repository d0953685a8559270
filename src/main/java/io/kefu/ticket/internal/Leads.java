package io.kefu.ticket.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Upsell and new-business opportunities flagged in tickets, for the sales department to work. */
@Repository
public class Leads {

    public enum State { NEW, CONTACTED, WON, LOST }

    public record Lead(long id, long customerId, long ticketId, String description, State state, long createdBy,
                       Instant createdAt) {
    }

    private static final RowMapper<Lead> ROW = (rs, n) -> new Lead(rs.getLong(1), rs.getLong(2), rs.getLong(3),
            rs.getString(4), State.valueOf(rs.getString(5)), rs.getLong(6), rs.getTimestamp(7).toInstant());

    private final JdbcClient jdbc;

    Leads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long open(Ticket ticket, String description, long createdBy) {
        return jdbc.sql("""
                INSERT INTO lead (customer_id, ticket_id, description, created_by)
                VALUES (:customer, :ticket, :description, :by) RETURNING id""")
                .param("customer", ticket.getCustomerId()).param("ticket", ticket.getId())
                .param("description", description).param("by", createdBy).query(Long.class).single();
    }

    public List<Lead> list(State state, int limit) {
        return jdbc.sql("""
                SELECT id, customer_id, ticket_id, description, state, created_by, created_at FROM lead
                WHERE CAST(:state AS varchar) IS NULL OR state = :state ORDER BY id DESC LIMIT :limit""")
                .param("state", state == null ? null : state.name()).param("limit", limit)
                .query(ROW)
                .list();
    }

    public Optional<Lead> find(long id) {
        return jdbc.sql("""
                SELECT id, customer_id, ticket_id, description, state, created_by, created_at FROM lead
                WHERE id = :id""").param("id", id)
                .query(ROW)
                .optional();
    }

    /** @return false when there is no such lead */
    boolean setState(long id, State state) {
        return jdbc.sql("UPDATE lead SET state = :state WHERE id = :id").param("state", state.name())
                .param("id", id).update() == 1;
    }

    void moveToCustomer(long sourceId, long survivorId) {
        jdbc.sql("UPDATE lead SET customer_id = :survivor WHERE customer_id = :source")
                .param("survivor", survivorId).param("source", sourceId).update();
    }
}
