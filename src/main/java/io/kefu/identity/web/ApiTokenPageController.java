package io.kefu.identity.web;

import io.kefu.identity.StaffPrincipal;
import io.kefu.identity.internal.ApiTokenService;
import io.kefu.identity.internal.StaffService;
import io.kefu.platform.DomainException;
import io.kefu.platform.web.FormErrors;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** API tokens: the list, issuing one (its secret shown once) and revoking. */
@Controller
@RequestMapping("/admin/tokens")
@PreAuthorize("hasAuthority('API_TOKEN_MANAGE')")
class ApiTokenPageController {

    private final ApiTokenService tokens;
    private final StaffService staff;

    ApiTokenPageController(ApiTokenService tokens, StaffService staff) {
        this.tokens = tokens;
        this.staff = staff;
    }

    public static class TokenForm {
        @NotBlank
        @Size(max = 100)
        private String name;
        private Long staffId;

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public Long getStaffId() {
            return staffId;
        }

        public void setStaffId(Long staffId) {
            this.staffId = staffId;
        }
    }

    @GetMapping
    String list(Model model, @AuthenticationPrincipal StaffPrincipal caller) {
        TokenForm form = new TokenForm();
        form.setStaffId(caller.id());
        return page(form, model);
    }

    @PostMapping
    String issue(@Valid @ModelAttribute("form") TokenForm form, BindingResult binding, Model model,
                 @AuthenticationPrincipal StaffPrincipal caller, RedirectAttributes redirect) {
        if (!binding.hasErrors()) {
            try {
                var issued = tokens.issue(form.getName(), form.getStaffId() != null ? form.getStaffId() : caller.id());
                redirect.addFlashAttribute("issuedSecret", issued.secret());
                redirect.addFlashAttribute("issuedName", issued.token().getName());
                return "redirect:/admin/tokens";
            } catch (DomainException e) {
                FormErrors.reject(binding, e);
            }
        }
        return page(form, model);
    }

    @PostMapping("/{id}/revoke")
    String revoke(@PathVariable long id, RedirectAttributes redirect) {
        tokens.revoke(id);
        redirect.addFlashAttribute("saved", true);
        return "redirect:/admin/tokens";
    }

    private String page(TokenForm form, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("tokens", tokens.all());
        model.addAttribute("staff", staff.all());
        return "identity/tokens";
    }
}
