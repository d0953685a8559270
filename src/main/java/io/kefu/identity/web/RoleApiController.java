package io.kefu.identity.web;

import java.util.List;
import java.util.Set;

import io.kefu.identity.DataScope;
import io.kefu.identity.Permission;
import io.kefu.identity.internal.Role;
import io.kefu.identity.internal.RoleService;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/roles")
@Tag(name = "Roles")
class RoleApiController {

    private final RoleService roles;

    RoleApiController(RoleService roles) {
        this.roles = roles;
    }

    record RoleView(long id, String code, String name, DataScope dataScope, boolean builtIn,
                    List<Permission> permissions) {
        static RoleView of(Role r) {
            return new RoleView(r.getId(), r.getCode(), r.getName(), r.getDataScope(), r.isBuiltIn(),
                    r.getPermissions().stream().sorted().toList());
        }
    }

    record CreateRole(@NotBlank @Pattern(regexp = "[A-Za-z][A-Za-z0-9_]{1,49}") String code,
                      @NotBlank @Size(max = 100) String name, @NotNull DataScope dataScope,
                      Set<Permission> permissions) {
    }

    record UpdateRole(@NotBlank @Size(max = 100) String name, @NotNull DataScope dataScope,
                      Set<Permission> permissions) {
    }

    @GetMapping
    @PreAuthorize("hasAnyAuthority('ROLE_MANAGE', 'STAFF_MANAGE')")
    List<RoleView> list() {
        return roles.all().stream().map(RoleView::of).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('ROLE_MANAGE')")
    RoleView create(@Valid @RequestBody CreateRole body) {
        return RoleView.of(roles.create(body.code(), body.name(), body.dataScope(),
                body.permissions() == null ? Set.of() : body.permissions()));
    }

    /** Replaces the role's name, data scope and permissions. */
    @PutMapping("/{id}")
    @PreAuthorize("hasAuthority('ROLE_MANAGE')")
    RoleView update(@PathVariable long id, @Valid @RequestBody UpdateRole body) {
        return RoleView.of(roles.update(id, body.name(), body.dataScope(),
                body.permissions() == null ? Set.of() : body.permissions()));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAuthority('ROLE_MANAGE')")
    void delete(@PathVariable long id) {
        roles.delete(id);
    }
}
