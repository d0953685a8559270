package io.kefu.ticket.internal;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.kefu.identity.DataScope;

/**
 * Which tickets a staff member sees. ALL: every one. DEPARTMENT: those handled in her department tree. OWN and
 * DEPARTMENT both add the tickets she owns, handles or opened, and those of her skill groups.
 */
public record TicketScope(DataScope scope, long staffId, Set<Long> departments, Set<Long> skillGroups) {

    public boolean allows(Ticket t) {
        return switch (scope) {
            case ALL -> true;
            case DEPARTMENT -> (t.getDepartmentId() != null && departments.contains(t.getDepartmentId()))
                    || involves(t);
            case OWN -> involves(t);
        };
    }

    private boolean involves(Ticket t) {
        return Objects.equals(t.getOwnerId(), staffId) || Objects.equals(t.getAssigneeId(), staffId)
                || Objects.equals(t.getCreatedBy(), staffId)
                || (t.getSkillGroupId() != null && skillGroups.contains(t.getSkillGroupId()));
    }

    /** The same rule as a condition on the table aliased {@code t}, with parameters from {@link #bind}. */
    String sqlCondition() {
        String involved = "(t.owner_id = :scopeStaff OR t.assignee_id = :scopeStaff OR t.created_by = :scopeStaff"
                + " OR t.skill_group_id = ANY(:scopeGroups))";
        return switch (scope) {
            case ALL -> "TRUE";
            case DEPARTMENT -> "(t.department_id = ANY(:scopeDepartments) OR " + involved + ")";
            case OWN -> involved;
        };
    }

    Map<String, Object> bind() {
        return Map.of("scopeStaff", staffId,
                "scopeGroups", skillGroups.toArray(Long[]::new),
                "scopeDepartments", departments.toArray(Long[]::new));
    }
}
