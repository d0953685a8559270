package io.kefu.sla.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import io.kefu.sla.SlaClockState;
import io.kefu.sla.SlaMetric;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The clocks in sla_clock. Changes lock the ticket's rows first, so that the sweep and a reply never interleave. */
@Repository
class ClockStore {

    private static final String COLUMNS = "ticket_id, metric, state, policy_id, policy_name, calendar_id, "
            + "target_minutes, warn_percent, started_at, due_at, warn_at, remaining_seconds, met_at, warned, breached";

    private final JdbcClient jdbc;

    ClockStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Clock> lockTicket(long ticketId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM sla_clock WHERE ticket_id = ? ORDER BY metric FOR UPDATE")
                .param(ticketId).query(ClockStore::map).list();
    }

    /**
     * Running clocks whose warning or deadline has come, locked; clocks a reply holds right now are left for the
     * next sweep. The inner queries read the two partial indexes; the outer conditions are checked again on the
     * row as it is when locked.
     */
    List<Clock> lockDue(Instant now, int limit) {
        OffsetDateTime at = ts(now);
        return jdbc.sql("SELECT " + COLUMNS + " FROM sla_clock "
                        + "WHERE state = 'RUNNING' AND (due_at <= :at OR (NOT warned AND warn_at <= :at)) "
                        + "AND (ticket_id, metric) IN ("
                        + "(SELECT ticket_id, metric FROM sla_clock WHERE state = 'RUNNING' AND due_at <= :at "
                        + "ORDER BY due_at LIMIT :limit) UNION "
                        + "(SELECT ticket_id, metric FROM sla_clock WHERE state = 'RUNNING' AND NOT warned "
                        + "AND warn_at <= :at ORDER BY warn_at LIMIT :limit)) "
                        + "ORDER BY ticket_id, metric LIMIT :limit FOR UPDATE SKIP LOCKED")
                .param("at", at).param("limit", limit).query(ClockStore::map).list();
    }

    List<Clock> ofTickets(Collection<Long> ticketIds) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM sla_clock WHERE ticket_id = ANY(?) ORDER BY ticket_id, metric")
                .param(ticketIds.toArray(Long[]::new)).query(ClockStore::map).list();
    }

    /** Inserts the clocks the ticket has none of yet (a concurrent start may have been first); answers how many. */
    int insertIfAbsent(List<Clock> started) {
        StringBuilder sql = new StringBuilder("INSERT INTO sla_clock (" + COLUMNS + ") VALUES ");
        List<Object> params = new ArrayList<>();
        for (Clock c : started) {
            sql.append(params.isEmpty() ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            params.addAll(Arrays.asList(c.ticketId(), c.metric().name(), c.state().name(), c.policyId(),
                    c.policyName(), c.calendarId(), c.targetMinutes(), c.warnPercent(), ts(c.startedAt()),
                    ts(c.dueAt()), ts(c.warnAt()), seconds(c.remaining()), ts(c.metAt()), c.warned(), c.breached()));
        }
        return jdbc.sql(sql + " ON CONFLICT (ticket_id, metric) DO NOTHING").params(params).update();
    }

    void update(Clock c) {
        jdbc.sql("""
                UPDATE sla_clock SET state = ?, due_at = ?, warn_at = ?, remaining_seconds = ?, met_at = ?,
                       warned = ?, breached = ?, updated_at = now()
                WHERE ticket_id = ? AND metric = ?""")
                .params(c.state().name(), ts(c.dueAt()), ts(c.warnAt()), seconds(c.remaining()), ts(c.metAt()),
                        c.warned(), c.breached(), c.ticketId(), c.metric().name())
                .update();
    }

    private static OffsetDateTime ts(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Long seconds(Duration duration) {
        return duration == null ? null : duration.toSeconds();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static Clock map(ResultSet rs, int row) throws SQLException {
        Number remaining = (Number) rs.getObject("remaining_seconds");
        return new Clock(rs.getLong("ticket_id"), SlaMetric.valueOf(rs.getString("metric")),
                SlaClockState.valueOf(rs.getString("state")), rs.getLong("policy_id"), rs.getString("policy_name"),
                rs.getLong("calendar_id"), rs.getInt("target_minutes"), rs.getInt("warn_percent"),
                instant(rs, "started_at"), instant(rs, "due_at"), instant(rs, "warn_at"),
                remaining == null ? null : Duration.ofSeconds(remaining.longValue()), instant(rs, "met_at"), rs.getBoolean("warned"),
                rs.getBoolean("breached"));
    }
}
