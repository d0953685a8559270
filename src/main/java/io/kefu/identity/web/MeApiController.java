package io.kefu.identity.web;

import java.util.List;

import io.kefu.identity.DataScope;
import io.kefu.identity.StaffPrincipal;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Staff")
class MeApiController {

    record Me(long id, String username, String displayName, Long departmentId, List<String> roles,
              List<String> permissions, DataScope dataScope) {
    }

    /** Who the caller is, and what she may do. */
    @GetMapping("/api/v1/me")
    @PreAuthorize("isAuthenticated()")
    Me me(@AuthenticationPrincipal StaffPrincipal caller) {
        return new Me(caller.id(), caller.username(), caller.displayName(), caller.departmentId(),
                caller.roleCodes().stream().sorted().toList(),
                caller.permissions().stream().map(Enum::name).sorted().toList(), caller.dataScope());
    }
}
