package io.kefu.ticket.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import io.kefu.identity.StaffDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Picks who in a skill group gets the next ticket, by the group's strategy, among the members who are on shift.
 * The group's routing row is locked while choosing, so two dispatches at once do not pick the same turn.
 */
@Component
public class AutomaticAssignment {

    private final JdbcClient jdbc;
    private final StaffDirectory staff;

    AutomaticAssignment(JdbcClient jdbc, StaffDirectory staff) {
        this.jdbc = jdbc;
        this.staff = staff;
    }

    public RoutingStrategy strategyOf(long skillGroupId) {
        return jdbc.sql("SELECT strategy FROM ticket_routing WHERE skill_group_id = :group")
                .param("group", skillGroupId).query(String.class).optional()
                .map(RoutingStrategy::valueOf).orElse(RoutingStrategy.ROUND_ROBIN);
    }

    void setStrategy(long skillGroupId, RoutingStrategy strategy) {
        jdbc.sql("""
                INSERT INTO ticket_routing (skill_group_id, strategy) VALUES (:group, :strategy)
                ON CONFLICT (skill_group_id) DO UPDATE SET strategy = EXCLUDED.strategy""")
                .param("group", skillGroupId).param("strategy", strategy.name()).update();
    }

    /** The member who gets the next ticket, or empty when nobody in the group is on shift. */
    Optional<Long> pick(long skillGroupId) {
        jdbc.sql("""
                INSERT INTO ticket_routing (skill_group_id, strategy) VALUES (:group, 'ROUND_ROBIN')
                ON CONFLICT (skill_group_id) DO NOTHING""").param("group", skillGroupId).update();
        record Routing(RoutingStrategy strategy, Long lastStaffId) {
        }
        Routing routing = jdbc.sql("SELECT strategy, last_staff_id FROM ticket_routing WHERE skill_group_id = :group "
                        + "FOR UPDATE")
                .param("group", skillGroupId)
                .query((rs, n) -> new Routing(RoutingStrategy.valueOf(rs.getString(1)), rs.getObject(2, Long.class)))
                .single();
        List<Long> onShift = onShift(staff.membersOf(skillGroupId));
        if (onShift.isEmpty()) {
            return Optional.empty();
        }
        long chosen = routing.strategy() == RoutingStrategy.LEAST_OPEN ? leastOpen(onShift)
                : nextAfter(onShift, routing.lastStaffId());
        jdbc.sql("UPDATE ticket_routing SET last_staff_id = :staff WHERE skill_group_id = :group")
                .param("staff", chosen).param("group", skillGroupId).update();
        return Optional.of(chosen);
    }

    private List<Long> onShift(List<Long> members) {
        if (members.isEmpty()) {
            return members;
        }
        List<Long> off = jdbc.sql("SELECT staff_id FROM agent_shift WHERE NOT on_shift AND staff_id = ANY(:ids)")
                .param("ids", members.toArray(Long[]::new)).query(Long.class).list();
        return members.stream().filter(id -> !off.contains(id)).toList();
    }

    private static long nextAfter(List<Long> sortedMembers, Long last) {
        return sortedMembers.stream().filter(id -> last != null && id > last).findFirst()
                .orElse(sortedMembers.get(0));
    }

    private long leastOpen(List<Long> members) {
        Map<Long, Long> open = jdbc.sql("""
                SELECT assignee_id, count(*) FROM ticket
                WHERE assignee_id = ANY(:ids) AND state NOT IN ('RESOLVED', 'CLOSED') GROUP BY assignee_id""")
                .param("ids", members.toArray(Long[]::new))
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        return members.stream().min(Comparator.comparing((Long id) -> open.getOrDefault(id, 0L))
                .thenComparing(id -> id)).orElseThrow();
    }
}
