package io.kefu.identity.web;

import io.kefu.identity.internal.DepartmentNode;
import io.kefu.identity.internal.DepartmentService;
import io.kefu.platform.DomainException;
import io.kefu.platform.web.FormErrors;
import io.kefu.platform.web.PageProblem;
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

/** The department tree on one screen: add, rename or move, remove. */
@Controller
@RequestMapping("/admin/departments")
class DepartmentPageController {

    private final DepartmentService departments;

    DepartmentPageController(DepartmentService departments) {
        this.departments = departments;
    }

    public static class DepartmentForm {
        @NotBlank
        @Size(max = 100)
        private String name;
        private Long parentId;

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public Long getParentId() {
            return parentId;
        }

        public void setParentId(Long parentId) {
            this.parentId = parentId;
        }
    }

    @GetMapping
    @PreAuthorize("hasAuthority('STAFF_READ')")
    String tree(Model model) {
        return page(new DepartmentForm(), model);
    }

    @PostMapping
    @PreAuthorize("hasAuthority('DEPARTMENT_MANAGE')")
    String create(@Valid @ModelAttribute("form") DepartmentForm form, BindingResult binding, Model model,
                  RedirectAttributes redirect) {
        if (!binding.hasErrors()) {
            try {
                departments.create(form.getName(), form.getParentId());
                redirect.addFlashAttribute("saved", true);
                return "redirect:/admin/departments";
            } catch (DomainException e) {
                FormErrors.reject(binding, e);
            }
        }
        return page(form, model);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('DEPARTMENT_MANAGE')")
    String edit(@PathVariable long id, Model model) {
        var department = departments.get(id);
        DepartmentForm form = new DepartmentForm();
        form.setName(department.getName());
        form.setParentId(department.getParentId());
        return editPage(id, form, model);
    }

    @PostMapping("/{id}")
    @PreAuthorize("hasAuthority('DEPARTMENT_MANAGE')")
    String update(@PathVariable long id, @Valid @ModelAttribute("form") DepartmentForm form, BindingResult binding,
                  Model model, RedirectAttributes redirect) {
        if (!binding.hasErrors()) {
            try {
                departments.update(id, form.getName(), form.getParentId());
                redirect.addFlashAttribute("saved", true);
                return "redirect:/admin/departments";
            } catch (DomainException e) {
                FormErrors.reject(binding, e);
            }
        }
        return editPage(id, form, model);
    }

    @PostMapping("/{id}/delete")
    @PreAuthorize("hasAuthority('DEPARTMENT_MANAGE')")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        try {
            departments.delete(id);
            redirect.addFlashAttribute("saved", true);
        } catch (DomainException e) {
            PageProblem.flash(redirect, e);
        }
        return "redirect:/admin/departments";
    }

    private String page(DepartmentForm form, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("departments", DepartmentNode.flatten(departments.tree()));
        return "identity/departments";
    }

    private String editPage(long id, DepartmentForm form, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("departmentId", id);
        model.addAttribute("departments", DepartmentNode.flatten(departments.tree()));
        return "identity/department-form";
    }
}
