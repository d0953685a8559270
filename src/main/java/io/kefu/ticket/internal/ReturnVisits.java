package io.kefu.ticket.internal;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The calls back to a customer after her ticket was resolved, and what she said. */
@Repository
public class ReturnVisits {

    public record ReturnVisit(long id, long ticketId, ReturnVisitVerdict verdict, String comment, long visitedBy,
                              Instant visitedAt) {
    }

    private final JdbcClient jdbc;

    ReturnVisits(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long add(long ticketId, ReturnVisitVerdict verdict, String comment, long visitedBy) {
        return jdbc.sql("""
                INSERT INTO return_visit (ticket_id, verdict, comment, visited_by)
                VALUES (:ticket, :verdict, :comment, :by) RETURNING id""")
                .param("ticket", ticketId).param("verdict", verdict.name()).param("comment", comment)
                .param("by", visitedBy).query(Long.class).single();
    }

    public List<ReturnVisit> of(long ticketId) {
        return jdbc.sql("""
                SELECT id, ticket_id, verdict, comment, visited_by, visited_at FROM return_visit
                WHERE ticket_id = :ticket ORDER BY id""").param("ticket", ticketId)
                .query((rs, n) -> new ReturnVisit(rs.getLong(1), rs.getLong(2),
                        ReturnVisitVerdict.valueOf(rs.getString(3)), rs.getString(4), rs.getLong(5),
                        rs.getTimestamp(6).toInstant()))
                .list();
    }
}
