package io.kefu.ticket.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.kefu.identity.StaffPrincipal;
import io.kefu.ticket.TicketChannel;
import io.kefu.ticket.TicketPriority;
import io.kefu.ticket.TicketState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ticket lists agents work from: a queue, optional filters and an order, within the viewer's data scope.
 * "My groups" are the viewer's skill groups as the identity module reports them (the scope carries them).
 */
@Repository
@Transactional(readOnly = true)
public class TicketQueues {

    /** What to list; null filters match everything. {@code offset} is the position of the page's first row. */
    public record Query(TicketQueue queue, TicketState state, TicketPriority priority, String typeCode,
                        TicketChannel channel, TicketSort sort, int offset, int limit) {
    }

    /** How soon a deadline counts as about to breach when no warning has fired yet. */
    private static final Duration SOON = Duration.ofHours(1);

    private final JdbcClient jdbc;
    private final TicketRepository tickets;
    private final TicketService service;
    private final Clock clock;

    TicketQueues(JdbcClient jdbc, TicketRepository tickets, TicketService service, Clock clock) {
        this.jdbc = jdbc;
        this.tickets = tickets;
        this.service = service;
        this.clock = clock;
    }

    public List<Ticket> list(Query query, StaffPrincipal viewer) {
        TicketScope scope = service.scopeOf(viewer);
        Map<String, Object> params = new HashMap<>(scope.bind());
        List<String> where = new ArrayList<>(List.of(scope.sqlCondition(), queueCondition(query.queue())));
        params.put("me", viewer.id());
        params.put("myDepartment", viewer.departmentId() == null ? -1L : viewer.departmentId());
        params.put("soon", Timestamp.from(clock.instant().plus(SOON)));
        filter(where, params, "t.state = :state", "state", query.state() == null ? null : query.state().name());
        filter(where, params, "t.priority = :priority", "priority",
                query.priority() == null ? null : query.priority().name());
        filter(where, params, "t.type_code = :type", "type", query.typeCode());
        filter(where, params, "t.channel = :channel", "channel",
                query.channel() == null ? null : query.channel().name());
        params.put("limit", query.limit());
        params.put("offset", query.offset());
        List<Long> ids = jdbc.sql("SELECT t.id FROM ticket t WHERE " + String.join(" AND ", where)
                        + " ORDER BY " + query.sort().orderBy() + " LIMIT :limit OFFSET :offset")
                .params(params).query(Long.class).list();
        Map<Long, Ticket> byId = new HashMap<>();
        tickets.findAllById(ids).forEach(t -> byId.put(t.getId(), t));
        return ids.stream().map(byId::get).toList();
    }

    private static String queueCondition(TicketQueue queue) {
        String open = "t.state NOT IN ('RESOLVED', 'CLOSED')";
        return switch (queue) {
            case MINE -> open + " AND t.assignee_id = :me";
            case OWNED -> open + " AND t.owner_id = :me";
            case MY_GROUPS -> open + " AND t.skill_group_id = ANY(:scopeGroups)";
            case UNASSIGNED -> open + " AND t.assignee_id IS NULL";
            case ABOUT_TO_BREACH -> open + " AND (t.sla_state = 'WARNING' OR (t.sla_state = 'ON_TIME'"
                    + " AND t.next_due_at < :soon))";
            case BREACHED -> open + " AND t.sla_state = 'BREACHED'";
            case WAITING_ON_ME -> open + " AND t.id IN (SELECT d.ticket_id FROM ticket_dispatch d"
                    + " WHERE d.state = 'PENDING' AND (d.handler_id = :me OR (d.handler_id IS NULL AND"
                    + " (d.skill_group_id = ANY(:scopeGroups)"
                    + " OR (d.skill_group_id IS NULL AND d.department_id = :myDepartment)))))";
            case OPEN -> open;
            case ALL -> "TRUE";
        };
    }

    private static void filter(List<String> where, Map<String, Object> params, String condition, String name,
                               Object value) {
        if (value != null) {
            where.add(condition);
            params.put(name, value);
        }
    }
}
