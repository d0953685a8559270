package io.kefu.identity.web;

import java.time.Instant;
import java.util.List;

import io.kefu.identity.internal.Role;
import io.kefu.identity.internal.Staff;

/** A staff member as the API shows her. */
public record StaffView(long id, String username, String displayName, String email, String phone,
                        Long departmentId, List<String> roles, boolean enabled, boolean locked) {

    static StaffView of(Staff staff) {
        return new StaffView(staff.getId(), staff.getUsername(), staff.getDisplayName(), staff.getEmail(),
                staff.getPhone(), staff.getDepartmentId(),
                staff.getRoles().stream().map(Role::getCode).sorted().toList(),
                staff.isEnabled(), staff.isLocked(Instant.now()));
    }
}
