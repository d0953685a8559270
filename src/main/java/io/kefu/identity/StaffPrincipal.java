package io.kefu.identity;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import io.kefu.platform.Actor;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in staff member (by form login or API token), as every module sees her.
 *
 * @param departmentId her department, or null
 * @param roleCodes    the codes of her roles, e.g. {@code AGENT}
 * @param dataScope    the widest data scope of her roles
 */
public record StaffPrincipal(long id, String username, String displayName, Long departmentId,
                             Set<String> roleCodes, Set<Permission> permissions, DataScope dataScope,
                             String passwordHash, boolean enabled, boolean locked) implements UserDetails, Actor {

    /**
     * The application itself acting for a channel (a mail poller, a webhook, the portal) when no staff member is:
     * it sees every customer and owns none. Its id is 0, which no staff member has.
     */
    public static StaffPrincipal system(String name) {
        return new StaffPrincipal(0, name, name, null, Set.of(), EnumSet.allOf(Permission.class), DataScope.ALL, "",
                true, false);
    }

    public boolean can(Permission permission) {
        return permissions.contains(permission);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return Stream.concat(
                permissions.stream().map(Permission::name),
                roleCodes.stream().map(code -> "ROLE_" + code))
                .map(SimpleGrantedAuthority::new)
                .toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public long actorId() {
        return id;
    }

    @Override
    public String actorName() {
        return username;
    }

    /** The principal without its password hash, for an authenticated session. */
    public StaffPrincipal withoutPassword() {
        return new StaffPrincipal(id, username, displayName, departmentId, roleCodes, permissions, dataScope,
                "", enabled, locked);
    }

    @Override
    public String toString() {
        return "StaffPrincipal[" + username + ", roles=" + List.copyOf(roleCodes) + "]";
    }
}
