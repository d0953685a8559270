package io.kefu.identity.internal;

import java.util.EnumSet;
import java.util.Set;

import io.kefu.identity.DataScope;
import io.kefu.identity.Permission;
import io.kefu.identity.StaffPrincipal;
import io.kefu.platform.DomainException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Nobody hands out more than she holds: a role, a role's permissions or an API token may give only permissions
 * and a data scope the acting staff member has herself. Without this, whoever may manage staff, roles or tokens
 * could make herself administrator.
 */
@Component
class GrantGuard {

    /** @throws DomainException 403 when the roles carry a permission or scope beyond the actor's */
    void requireMayGrant(Set<Role> roles, String field) {
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        DataScope scope = DataScope.OWN;
        for (Role role : roles) {
            permissions.addAll(role.isAdministrator() ? EnumSet.allOf(Permission.class) : role.getPermissions());
            scope = scope.widest(role.getDataScope());
        }
        requireMayGrant(permissions, scope, field);
    }

    void requireMayGrant(Set<Permission> permissions, DataScope scope, String field) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            return; // the application itself, e.g. setting up the administrator on first start
        }
        if (!(authentication.getPrincipal() instanceof StaffPrincipal actor)) {
            throw new DomainException(HttpStatus.FORBIDDEN, "problem.forbidden");
        }
        if (!actor.permissions().containsAll(permissions) || actor.dataScope().widest(scope) != actor.dataScope()) {
            throw DomainException.onField(HttpStatus.FORBIDDEN, field, "role.beyondOwn");
        }
    }
}
