package io.kefu.ticket.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The record of each dispatch (派单) and how its receiver answered. */
@Repository
public class Dispatches {

    public enum State { PENDING, ACCEPTED, RETURNED, SUPERSEDED }

    public record Dispatch(long id, long ticketId, Long departmentId, Long skillGroupId, Long handlerId, State state,
                           String note, String reason, long dispatchedBy, Long previousAssigneeId,
                           Long previousDepartmentId, Long previousSkillGroupId, Instant createdAt,
                           Instant answeredAt) {
    }

    private final JdbcClient jdbc;

    Dispatches(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long open(Ticket from, Long departmentId, Long skillGroupId, Long handlerId, String note, long dispatchedBy) {
        jdbc.sql("UPDATE ticket_dispatch SET state = 'SUPERSEDED', answered_at = now() "
                        + "WHERE ticket_id = :ticket AND state = 'PENDING'")
                .param("ticket", from.getId()).update();
        return jdbc.sql("""
                INSERT INTO ticket_dispatch (ticket_id, department_id, skill_group_id, handler_id, state, note,
                    dispatched_by, previous_assignee_id, previous_department_id, previous_skill_group_id)
                VALUES (:ticket, :department, :group, :handler, 'PENDING', :note, :by, :prevAssignee,
                    :prevDepartment, :prevGroup)
                RETURNING id""")
                .param("ticket", from.getId()).param("department", departmentId).param("group", skillGroupId)
                .param("handler", handlerId).param("note", note).param("by", dispatchedBy)
                .param("prevAssignee", from.getAssigneeId()).param("prevDepartment", from.getDepartmentId())
                .param("prevGroup", from.getSkillGroupId())
                .query(Long.class).single();
    }

    public Optional<Dispatch> pending(long ticketId) {
        return of(ticketId).stream().filter(d -> d.state() == State.PENDING).findFirst();
    }

    void answer(long dispatchId, State state, Long handlerId, String reason) {
        jdbc.sql("""
                UPDATE ticket_dispatch SET state = :state, handler_id = COALESCE(:handler, handler_id),
                    reason = :reason, answered_at = now() WHERE id = :id""")
                .param("state", state.name()).param("handler", handlerId).param("reason", reason)
                .param("id", dispatchId).update();
    }

    public List<Dispatch> of(long ticketId) {
        return jdbc.sql("""
                SELECT id, ticket_id, department_id, skill_group_id, handler_id, state, note, reason, dispatched_by,
                       previous_assignee_id, previous_department_id, previous_skill_group_id, created_at, answered_at
                FROM ticket_dispatch WHERE ticket_id = :ticket ORDER BY id""").param("ticket", ticketId)
                .query((rs, n) -> new Dispatch(rs.getLong(1), rs.getLong(2), rs.getObject(3, Long.class),
                        rs.getObject(4, Long.class), rs.getObject(5, Long.class), State.valueOf(rs.getString(6)),
                        rs.getString(7), rs.getString(8), rs.getLong(9), rs.getObject(10, Long.class),
                        rs.getObject(11, Long.class), rs.getObject(12, Long.class), rs.getTimestamp(13).toInstant(),
                        rs.getTimestamp(14) == null ? null : rs.getTimestamp(14).toInstant()))
                .list();
    }
}
