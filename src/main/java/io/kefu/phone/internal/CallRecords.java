package io.kefu.phone.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The call_record table. */
@Repository
class CallRecords {

    private static final String COLUMNS = """
            id, external_id, direction, caller_number, caller_e164, customer_id, agent_id, queue_name, started_at,
            answered_at, ended_at, wait_seconds, abandoned, recording_url, notes, ticket_id, created_at""";

    private final JdbcClient jdbc;

    CallRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the call, or returns empty when a call with the same external id is already recorded. */
    Optional<Long> insert(CallRecord call, Long loggedBy) {
        return jdbc.sql("""
                INSERT INTO call_record (external_id, direction, caller_number, caller_e164, customer_id, agent_id,
                    queue_name, started_at, answered_at, ended_at, wait_seconds, abandoned, recording_url, notes,
                    ticket_id, logged_by)
                VALUES (:externalId, :direction, :number, :e164, :customer, :agent, :queue, :started, :answered,
                    :ended, :wait, :abandoned, :recording, :notes, :ticket, :loggedBy)
                ON CONFLICT (external_id) DO NOTHING RETURNING id""")
                .param("externalId", call.externalId()).param("direction", call.direction().name())
                .param("number", call.callerNumber()).param("e164", call.callerE164())
                .param("customer", call.customerId()).param("agent", call.agentId())
                .param("queue", call.queueName()).param("started", timestamp(call.startedAt()))
                .param("answered", timestamp(call.answeredAt())).param("ended", timestamp(call.endedAt()))
                .param("wait", call.waitSeconds()).param("abandoned", call.abandoned())
                .param("recording", call.recordingUrl()).param("notes", call.notes())
                .param("ticket", call.ticketId()).param("loggedBy", loggedBy)
                .query(Long.class).optional();
    }

    Optional<CallRecord> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM call_record WHERE id = :id").param("id", id)
                .query(CallRecords::map).optional();
    }

    Optional<CallRecord> findByExternalId(String externalId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM call_record WHERE external_id = :id").param("id", externalId)
                .query(CallRecords::map).optional();
    }

    Optional<CallRecord> findForUpdate(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM call_record WHERE id = :id FOR UPDATE").param("id", id)
                .query(CallRecords::map).optional();
    }

    void update(long id, Long customerId, Long ticketId, String notes) {
        jdbc.sql("UPDATE call_record SET customer_id = :customer, ticket_id = :ticket, notes = :notes WHERE id = :id")
                .param("customer", customerId).param("ticket", ticketId).param("notes", notes).param("id", id)
                .update();
    }

    List<CallRecord> search(CallQuery query) {
        Map<String, Object> params = new HashMap<>();
        List<String> where = new ArrayList<>(List.of("TRUE"));
        filter(where, params, "started_at >= :from", "from", timestamp(query.from()));
        filter(where, params, "started_at < :to", "to", timestamp(query.to()));
        filter(where, params, "customer_id = :customer", "customer", query.customerId());
        filter(where, params, "agent_id = :agent", "agent", query.agentId());
        filter(where, params, "abandoned = :abandoned", "abandoned", query.abandoned());
        filter(where, params, "id < :before", "before", query.beforeId());
        params.put("limit", query.limit());
        return jdbc.sql("SELECT " + COLUMNS + " FROM call_record WHERE " + String.join(" AND ", where)
                        + " ORDER BY id DESC LIMIT :limit")
                .params(params).query(CallRecords::map).list();
    }

    private static void filter(List<String> where, Map<String, Object> params, String condition, String name,
                               Object value) {
        if (value != null) {
            where.add(condition);
            params.put(name, value);
        }
    }

    /** Inbound calls that started in [from, to), oldest first, for the queue figures. */
    List<CallRecord> inboundBetween(Instant from, Instant to) {
        return jdbc.sql("SELECT " + COLUMNS + """
                 FROM call_record WHERE direction = 'INBOUND' AND started_at >= :from AND started_at < :to
                ORDER BY started_at""").param("from", timestamp(from)).param("to", timestamp(to))
                .query(CallRecords::map).list();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static CallRecord map(ResultSet rs, int row) throws SQLException {
        return new CallRecord(rs.getLong(1), rs.getString(2), CallDirection.valueOf(rs.getString(3)),
                rs.getString(4), rs.getString(5), rs.getObject(6, Long.class), rs.getObject(7, Long.class),
                rs.getString(8), instant(rs, 9), instant(rs, 10), instant(rs, 11), rs.getInt(12),
                rs.getBoolean(13), rs.getString(14), rs.getString(15), rs.getObject(16, Long.class),
                instant(rs, 17));
    }
}
