package io.kefu.identity.web;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

import io.kefu.identity.DataScope;
import io.kefu.identity.Permission;
import io.kefu.identity.internal.Role;
import io.kefu.identity.internal.RoleService;
import io.kefu.platform.DomainException;
import io.kefu.platform.web.FormErrors;
import io.kefu.platform.web.PageProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Roles and permissions: the list, and a form with one checkbox per permission and the data scope. */
@Controller
@RequestMapping("/admin/roles")
@PreAuthorize("hasAuthority('ROLE_MANAGE')")
class RolePageController {

    private final RoleService roles;

    RolePageController(RoleService roles) {
        this.roles = roles;
    }

    public static class RoleForm {
        @Pattern(regexp = "([A-Za-z][A-Za-z0-9_]{1,49})?")
        private String code;
        @NotBlank
        @Size(max = 100)
        private String name;
        @NotNull
        private DataScope dataScope = DataScope.OWN;
        private Set<Permission> permissions = new HashSet<>();

        static RoleForm of(Role role) {
            RoleForm form = new RoleForm();
            form.code = role.getCode();
            form.name = role.getName();
            form.dataScope = role.getDataScope();
            form.permissions = new HashSet<>(role.getPermissions());
            return form;
        }

        public String getCode() {
            return code;
        }

        public void setCode(String code) {
            this.code = code;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public DataScope getDataScope() {
            return dataScope;
        }

        public void setDataScope(DataScope dataScope) {
            this.dataScope = dataScope;
        }

        public Set<Permission> getPermissions() {
            return permissions;
        }

        public void setPermissions(Set<Permission> permissions) {
            this.permissions = permissions;
        }

        Set<Permission> permissionSet() {
            return permissions == null || permissions.isEmpty() ? Set.of() : EnumSet.copyOf(permissions);
        }
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("roles", roles.all());
        return "identity/roles";
    }

    @GetMapping("/new")
    String newForm(Model model) {
        return form(new RoleForm(), null, model);
    }

    @PostMapping
    String create(@Valid @ModelAttribute("form") RoleForm form, BindingResult binding, Model model,
                  RedirectAttributes redirect) {
        if (form.getCode() == null || form.getCode().isBlank()) {
            binding.rejectValue("code", "NotBlank");
        }
        if (!binding.hasErrors()) {
            try {
                roles.create(form.getCode(), form.getName(), form.getDataScope(), form.permissionSet());
                redirect.addFlashAttribute("saved", true);
                return "redirect:/admin/roles";
            } catch (DomainException e) {
                FormErrors.reject(binding, e);
            }
        }
        return form(form, null, model);
    }

    @GetMapping("/{id}")
    String edit(@PathVariable long id, Model model) {
        Role role = roles.get(id);
        return form(RoleForm.of(role), role, model);
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @Valid @ModelAttribute("form") RoleForm form, BindingResult binding,
                  Model model, RedirectAttributes redirect) {
        Role role = roles.get(id);
        if (!binding.hasErrors()) {
            try {
                roles.update(id, form.getName(), form.getDataScope(), form.permissionSet());
                redirect.addFlashAttribute("saved", true);
                return "redirect:/admin/roles";
            } catch (DomainException e) {
                FormErrors.reject(binding, e);
            }
        }
        return form(form, role, model);
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        try {
            roles.delete(id);
            redirect.addFlashAttribute("saved", true);
        } catch (DomainException e) {
            PageProblem.flash(redirect, e);
        }
        return "redirect:/admin/roles";
    }

    private String form(RoleForm form, Role role, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("role", role);
        model.addAttribute("allPermissions", Permission.values());
        model.addAttribute("scopes", DataScope.values());
        return "identity/role-form";
    }
}
