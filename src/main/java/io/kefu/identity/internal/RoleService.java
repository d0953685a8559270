package io.kefu.identity.internal;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.kefu.audit.AuditLog;
import io.kefu.identity.DataScope;
import io.kefu.identity.Permission;
import io.kefu.platform.DomainException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Roles: admins add their own beside the seven built in, and tune permissions and data scope of all but the
 * administrator's, which always holds every permission so that nobody can lock the company out.
 */
@Service
@Transactional
public class RoleService {

    private final RoleRepository roles;
    private final StaffRepository staff;
    private final AuditLog audit;
    private final GrantGuard grants;
    private final StaffSessions sessions;

    RoleService(RoleRepository roles, StaffRepository staff, AuditLog audit, GrantGuard grants,
                StaffSessions sessions) {
        this.roles = roles;
        this.staff = staff;
        this.audit = audit;
        this.grants = grants;
        this.sessions = sessions;
    }

    @Transactional(readOnly = true)
    public List<Role> all() {
        return roles.findAllByOrderByIdAsc();
    }

    @Transactional(readOnly = true)
    public Role get(long id) {
        return roles.findById(id).orElseThrow(() -> DomainException.notFound("role", id));
    }

    @Transactional(readOnly = true)
    public Role byCode(String code) {
        return roles.findByCode(code).orElseThrow(() -> DomainException.notFound("role", code));
    }

    public Role create(String code, String name, DataScope scope, Set<Permission> permissions) {
        String normalised = code.trim().toUpperCase(Locale.ROOT);
        if (roles.existsByCodeIgnoreCase(normalised)) {
            throw DomainException.onField(HttpStatus.CONFLICT, "code", "role.codeTaken", normalised);
        }
        grants.requireMayGrant(permissions, scope, "permissions");
        Role role = roles.save(new Role(normalised, name.trim(), scope, permissions));
        audit.record("role.created", "role", role.getId(), normalised + " " + scope + " " + permissions);
        return role;
    }

    public Role update(long id, String name, DataScope scope, Set<Permission> permissions) {
        Role role = get(id);
        if (role.isAdministrator()) {
            throw new DomainException(HttpStatus.CONFLICT, "role.administratorFixed");
        }
        grants.requireMayGrant(permissions, scope, "permissions");
        role.update(name.trim(), scope, permissions);
        audit.record("role.updated", "role", id, role.getCode() + " " + scope + " " + permissions);
        // Its holders' permissions are read when they sign in: they sign in again to get the new ones.
        staff.usernamesWithRole(id).forEach(sessions::signOutEverywhere);
        return role;
    }

    public void delete(long id) {
        Role role = get(id);
        if (role.isBuiltIn()) {
            throw new DomainException(HttpStatus.CONFLICT, "role.builtInFixed");
        }
        if (staff.countWithRole(id) > 0) {
            throw new DomainException(HttpStatus.CONFLICT, "role.inUse", role.getName());
        }
        roles.delete(role);
        audit.record("role.deleted", "role", id, role.getCode());
    }
}
