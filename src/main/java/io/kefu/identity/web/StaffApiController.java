package io.kefu.identity.web;

import java.util.List;
import java.util.Set;

import io.kefu.identity.internal.StaffDraft;
import io.kefu.identity.internal.StaffService;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/staff")
@Tag(name = "Staff")
class StaffApiController {

    private final StaffService staff;

    StaffApiController(StaffService staff) {
        this.staff = staff;
    }

    record CreateStaff(@NotBlank @Size(max = 50) @Pattern(regexp = "[A-Za-z0-9._-]+") String username,
                       @NotBlank @Size(max = 100) String displayName,
                       @Email @Size(max = 200) String email,
                       @Size(max = 30) String phone,
                       Long departmentId,
                       @NotEmpty Set<Long> roleIds,
                       @NotBlank String password,
                       Boolean enabled) {
    }

    /** Only the fields present change. */
    record UpdateStaff(@Size(max = 100) @Pattern(regexp = "(?s).*\\S.*") String displayName,
                       @Email @Size(max = 200) String email,
                       @Size(max = 30) String phone, Long departmentId, Set<Long> roleIds, Boolean enabled) {
    }

    record NewPassword(@NotBlank String password) {
    }

    @GetMapping
    @PreAuthorize("hasAuthority('STAFF_READ')")
    List<StaffView> list(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) Long departmentId,
                         @RequestParam(defaultValue = "100") int limit) {
        return staff.search(q, departmentId, Math.max(1, Math.min(limit, 500))).stream().map(StaffView::of).toList();
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('STAFF_READ')")
    StaffView get(@PathVariable long id) {
        return StaffView.of(staff.get(id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('STAFF_MANAGE')")
    StaffView create(@Valid @RequestBody CreateStaff body) {
        return StaffView.of(staff.create(new StaffDraft(body.username(), body.displayName(), body.email(),
                body.phone(), body.departmentId(), body.roleIds(), body.enabled() == null || body.enabled()),
                body.password()));
    }

    @PatchMapping("/{id}")
    @PreAuthorize("hasAuthority('STAFF_MANAGE')")
    StaffView update(@PathVariable long id, @Valid @RequestBody UpdateStaff body) {
        return StaffView.of(staff.patch(id, current -> new StaffDraft(current.username(),
                body.displayName() != null ? body.displayName() : current.displayName(),
                body.email() != null ? body.email() : current.email(),
                body.phone() != null ? body.phone() : current.phone(),
                body.departmentId() != null ? body.departmentId() : current.departmentId(),
                body.roleIds() != null ? body.roleIds() : current.roleIds(),
                body.enabled() != null ? body.enabled() : current.enabled())));
    }

    @PostMapping("/{id}/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAuthority('STAFF_MANAGE')")
    void resetPassword(@PathVariable long id, @Valid @RequestBody NewPassword body) {
        staff.resetPassword(id, body.password());
    }

    @PostMapping("/{id}/unlock")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAuthority('STAFF_MANAGE')")
    void unlock(@PathVariable long id) {
        staff.unlock(id);
    }
}
