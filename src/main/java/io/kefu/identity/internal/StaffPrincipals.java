package io.kefu.identity.internal;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import io.kefu.identity.DataScope;
import io.kefu.identity.Permission;
import io.kefu.identity.StaffPrincipal;

/** Builds a staff member's principal from her roles: the union of their permissions and the widest scope. */
final class StaffPrincipals {

    private StaffPrincipals() {
    }

    static StaffPrincipal of(Staff staff) {
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        DataScope scope = DataScope.OWN;
        for (Role role : staff.getRoles()) {
            // The administrator holds every permission, including those later capabilities add.
            permissions.addAll(role.isAdministrator() ? EnumSet.allOf(Permission.class) : role.getPermissions());
            scope = scope.widest(role.getDataScope());
        }
        Set<String> roleCodes = staff.getRoles().stream().map(Role::getCode).collect(Collectors.toUnmodifiableSet());
        return new StaffPrincipal(staff.getId(), staff.getUsername(), staff.getDisplayName(), staff.getDepartmentId(),
                roleCodes, Set.copyOf(permissions), scope, staff.getPasswordHash(), staff.isEnabled(),
                staff.isLocked(Instant.now()));
    }
}
