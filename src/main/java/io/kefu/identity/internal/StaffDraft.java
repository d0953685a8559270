package io.kefu.identity.internal;

import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** What an admin sets on a staff member; the username is fixed once created. */
public record StaffDraft(String username, String displayName, String email, String phone, Long departmentId,
                         Set<Long> roleIds, boolean enabled) {

    public StaffDraft {
        roleIds = roleIds == null ? Set.of()
                : roleIds.stream().filter(Objects::nonNull).collect(Collectors.toUnmodifiableSet());
    }
}
