package io.kefu.customer.internal;

import java.util.Set;

import io.kefu.identity.DataScope;

/**
 * Which customers a staff member may see: those she owns, those of her department and the departments below it,
 * or all. Rendered as a SQL condition on the {@code customer} table aliased {@code c}.
 */
public record CustomerScope(DataScope scope, long staffId, Set<Long> departmentIds) {

    public static CustomerScope all() {
        return new CustomerScope(DataScope.ALL, 0, Set.of());
    }

    String sqlCondition() {
        return switch (scope) {
            case ALL -> "TRUE";
            case OWN -> "c.owner_id = " + staffId;
            case DEPARTMENT -> departmentIds.isEmpty() ? "c.owner_id = " + staffId
                    : "(c.owner_id = " + staffId + " OR c.department_id IN (" + joined() + "))";
        };
    }

    private String joined() {
        StringBuilder ids = new StringBuilder();
        for (Long id : departmentIds) {
            ids.append(ids.isEmpty() ? "" : ",").append(id.longValue());
        }
        return ids.toString();
    }
}
