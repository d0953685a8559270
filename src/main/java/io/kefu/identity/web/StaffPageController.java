package io.kefu.identity.web;

import io.kefu.identity.internal.DepartmentNode;
import io.kefu.identity.internal.DepartmentService;
import io.kefu.identity.internal.PasswordPolicy;
import io.kefu.identity.internal.RoleService;
import io.kefu.identity.internal.Staff;
import io.kefu.identity.internal.StaffService;
import io.kefu.platform.DomainException;
import io.kefu.platform.web.FormErrors;
import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff screens: the searchable list, the form for a new or existing member, password reset and unlock. */
@Controller
@RequestMapping("/admin/staff")
class StaffPageController {

    private final StaffService staff;
    private final DepartmentService departments;
    private final RoleService roles;
    private final PasswordPolicy passwordPolicy;

    StaffPageController(StaffService staff, DepartmentService departments, RoleService roles,
                        PasswordPolicy passwordPolicy) {
        this.staff = staff;
        this.departments = departments;
        this.roles = roles;
        this.passwordPolicy = passwordPolicy;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('STAFF_READ')")
    String list(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) Long departmentId,
                @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        model.addAttribute("staff", staff.search(q, departmentId, 500));
        model.addAttribute("q", q);
        model.addAttribute("departmentId", departmentId);
        model.addAttribute("departments", DepartmentNode.flatten(departments.tree()));
        return htmx != null ? "identity/staff-list :: results" : "identity/staff-list";
    }

    @GetMapping("/new")
    @PreAuthorize("hasAuthority('STAFF_MANAGE')")
    String newForm(Model model) {
        return form(new StaffForm(), null, model);
    }

    @PostMapping
    @PreAuthorize("hasAuthority('STAFF_MANAGE')")
    String create(@Valid @ModelAttribute("form") StaffForm form, BindingResult binding, Model model,
                  RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            return form(form, null, model);
        }
        boolean generated = !StringUtils.hasText(form.getPassword());
        String password = generated ? passwordPolicy.generate() : form.getPassword();
        try {
            Staff created = staff.create(form.draft(), password);
            redirect.addFlashAttribute("saved", true);
            if (generated) {
                redirect.addFlashAttribute("newPassword", password);
            }
            return "redirect:/admin/staff/" + created.getId();
        } catch (DomainException e) {
            FormErrors.reject(binding, e);
            return form(form, null, model);
        }
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('STAFF_READ')")
    String edit(@PathVariable long id, Model model) {
        Staff member = staff.get(id);
        return form(StaffForm.of(member), member, model);
    }

    @PostMapping("/{id}")
    @PreAuthorize("hasAuthority('STAFF_MANAGE')")
    String update(@PathVariable long id, @Valid @ModelAttribute("form") StaffForm form, BindingResult binding,
                  Model model, RedirectAttributes redirect) {
        Staff member = staff.get(id);
        form.setUsername(member.getUsername());
        if (binding.hasErrors()) {
            return form(form, member, model);
        }
        try {
            staff.update(id, form.draft());
            redirect.addFlashAttribute("saved", true);
            return "redirect:/admin/staff/" + id;
        } catch (DomainException e) {
            FormErrors.reject(binding, e);
            return form(form, member, model);
        }
    }

    @PostMapping("/{id}/password")
    @PreAuthorize("hasAuthority('STAFF_MANAGE')")
    String resetPassword(@PathVariable long id, RedirectAttributes redirect) {
        String password = passwordPolicy.generate();
        staff.resetPassword(id, password);
        redirect.addFlashAttribute("newPassword", password);
        return "redirect:/admin/staff/" + id;
    }

    @PostMapping("/{id}/unlock")
    @PreAuthorize("hasAuthority('STAFF_MANAGE')")
    String unlock(@PathVariable long id, RedirectAttributes redirect) {
        staff.unlock(id);
        redirect.addFlashAttribute("saved", true);
        return "redirect:/admin/staff/" + id;
    }

    private String form(StaffForm form, Staff member, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("member", member);
        model.addAttribute("departments", DepartmentNode.flatten(departments.tree()));
        model.addAttribute("roles", roles.all());
        return "identity/staff-form";
    }
}
