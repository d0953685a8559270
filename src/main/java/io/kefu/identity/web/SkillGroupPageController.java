package io.kefu.identity.web;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import io.kefu.identity.internal.DepartmentNode;
import io.kefu.identity.internal.DepartmentService;
import io.kefu.identity.internal.SkillGroup;
import io.kefu.identity.internal.SkillGroupDraft;
import io.kefu.identity.internal.SkillGroupService;
import io.kefu.identity.internal.Staff;
import io.kefu.identity.internal.StaffService;
import io.kefu.platform.DomainException;
import io.kefu.platform.web.FormErrors;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
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

/** Skill groups: the list, and one form to create or edit a group and pick its members. */
@Controller
@RequestMapping("/admin/skill-groups")
class SkillGroupPageController {

    private final SkillGroupService groups;
    private final DepartmentService departments;
    private final StaffService staff;

    SkillGroupPageController(SkillGroupService groups, DepartmentService departments, StaffService staff) {
        this.groups = groups;
        this.departments = departments;
        this.staff = staff;
    }

    public static class SkillGroupForm {
        @NotBlank
        @Size(max = 100)
        private String name;
        @Size(max = 500)
        private String description;
        private Long departmentId;
        private List<Long> memberIds = new ArrayList<>();

        static SkillGroupForm of(SkillGroup group) {
            SkillGroupForm form = new SkillGroupForm();
            form.name = group.getName();
            form.description = group.getDescription();
            form.departmentId = group.getDepartmentId();
            form.memberIds = new ArrayList<>(group.getMembers().stream().map(Staff::getId).toList());
            return form;
        }

        SkillGroupDraft draft() {
            return new SkillGroupDraft(name, description, departmentId,
                    memberIds == null ? null : new HashSet<>(memberIds));
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getDescription() {
            return description;
        }

        public void setDescription(String description) {
            this.description = description;
        }

        public Long getDepartmentId() {
            return departmentId;
        }

        public void setDepartmentId(Long departmentId) {
            this.departmentId = departmentId;
        }

        public List<Long> getMemberIds() {
            return memberIds;
        }

        public void setMemberIds(List<Long> memberIds) {
            this.memberIds = memberIds;
        }
    }

    @GetMapping
    @PreAuthorize("hasAuthority('STAFF_READ')")
    String list(Model model) {
        model.addAttribute("groups", groups.all());
        return "identity/skill-groups";
    }

    @GetMapping("/new")
    @PreAuthorize("hasAuthority('SKILL_GROUP_MANAGE')")
    String newForm(Model model) {
        return form(new SkillGroupForm(), null, model);
    }

    @PostMapping
    @PreAuthorize("hasAuthority('SKILL_GROUP_MANAGE')")
    String create(@Valid @ModelAttribute("form") SkillGroupForm form, BindingResult binding, Model model,
                  RedirectAttributes redirect) {
        if (!binding.hasErrors()) {
            try {
                groups.create(form.draft());
                redirect.addFlashAttribute("saved", true);
                return "redirect:/admin/skill-groups";
            } catch (DomainException e) {
                FormErrors.reject(binding, e);
            }
        }
        return form(form, null, model);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('SKILL_GROUP_MANAGE')")
    String edit(@PathVariable long id, Model model) {
        return form(SkillGroupForm.of(groups.get(id)), id, model);
    }

    @PostMapping("/{id}")
    @PreAuthorize("hasAuthority('SKILL_GROUP_MANAGE')")
    String update(@PathVariable long id, @Valid @ModelAttribute("form") SkillGroupForm form, BindingResult binding,
                  Model model, RedirectAttributes redirect) {
        if (!binding.hasErrors()) {
            try {
                groups.update(id, form.draft());
                redirect.addFlashAttribute("saved", true);
                return "redirect:/admin/skill-groups";
            } catch (DomainException e) {
                FormErrors.reject(binding, e);
            }
        }
        return form(form, id, model);
    }

    @PostMapping("/{id}/delete")
    @PreAuthorize("hasAuthority('SKILL_GROUP_MANAGE')")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        groups.delete(id);
        redirect.addFlashAttribute("saved", true);
        return "redirect:/admin/skill-groups";
    }

    private String form(SkillGroupForm form, Long id, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("groupId", id);
        model.addAttribute("departments", DepartmentNode.flatten(departments.tree()));
        model.addAttribute("staff", staff.all());
        return "identity/skill-group-form";
    }
}
