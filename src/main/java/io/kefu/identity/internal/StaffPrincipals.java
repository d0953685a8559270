package io.kefu.identity.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

import io.kefu.identity.DataScope;
import io.kefu.identity.Permission;
import io.kefu.identity.StaffPrincipal;

/** Builds a staff member's principal from her roles: the union of their permissions and the widest scope. */
final class StaffPrincipals {

    private StaffPrincipals() {
    }

    static StaffPrincipal of(Staff staff) {
        Grants grants = new Grants();
        staff.getRoles().forEach(role -> grants.add(role.getCode(), role.getDataScope(), role.getPermissions()));
        return grants.principal(staff.getId(), staff.getUsername(), staff.getDisplayName(), staff.getDepartmentId(),
                staff.getPasswordHash(), staff.isEnabled(), staff.isLocked(Instant.now()));
    }

    /** What a staff member's roles grant her, gathered role by role (or row by row from a query). */
    static final class Grants {

        private final Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        private final Set<String> roleCodes = new HashSet<>();
        private DataScope scope = DataScope.OWN;

        void add(String roleCode, DataScope dataScope, Collection<Permission> granted) {
            roleCodes.add(roleCode);
            scope = scope.widest(dataScope);
            // The administrator holds every permission, including those later capabilities add.
            permissions.addAll(Role.ADMINISTRATOR.equals(roleCode) ? EnumSet.allOf(Permission.class) : granted);
        }

        StaffPrincipal principal(long id, String username, String displayName, Long departmentId,
                                 String passwordHash, boolean enabled, boolean locked) {
            return new StaffPrincipal(id, username, displayName, departmentId, Set.copyOf(roleCodes),
                    Set.copyOf(permissions), scope, passwordHash, enabled, locked);
        }
    }
}
