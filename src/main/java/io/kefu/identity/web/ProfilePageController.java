package io.kefu.identity.web;

import io.kefu.identity.StaffPrincipal;
import io.kefu.identity.internal.StaffService;
import io.kefu.platform.DomainException;
import io.kefu.platform.web.FormErrors;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Every staff member's own page: who she is, her roles, and changing her password. */
@Controller
@RequestMapping("/profile")
@PreAuthorize("isAuthenticated()")
class ProfilePageController {

    private final StaffService staff;

    ProfilePageController(StaffService staff) {
        this.staff = staff;
    }

    public static class PasswordForm {
        @NotBlank
        private String currentPassword;
        @NotBlank
        private String newPassword;
        @NotBlank
        private String confirmPassword;

        public String getCurrentPassword() {
            return currentPassword;
        }

        public void setCurrentPassword(String currentPassword) {
            this.currentPassword = currentPassword;
        }

        public String getNewPassword() {
            return newPassword;
        }

        public void setNewPassword(String newPassword) {
            this.newPassword = newPassword;
        }

        public String getConfirmPassword() {
            return confirmPassword;
        }

        public void setConfirmPassword(String confirmPassword) {
            this.confirmPassword = confirmPassword;
        }
    }

    @GetMapping
    String profile(@AuthenticationPrincipal StaffPrincipal me, Model model) {
        return page(me, new PasswordForm(), model);
    }

    @PostMapping("/password")
    String changePassword(@AuthenticationPrincipal StaffPrincipal me, HttpSession session,
                          @Valid @ModelAttribute("form") PasswordForm form, BindingResult binding, Model model,
                          RedirectAttributes redirect) {
        if (!binding.hasErrors() && !form.getNewPassword().equals(form.getConfirmPassword())) {
            binding.rejectValue("confirmPassword", "password.mismatch");
        }
        if (!binding.hasErrors()) {
            try {
                staff.changeOwnPassword(me.id(), form.getCurrentPassword(), form.getNewPassword(), session.getId());
                redirect.addFlashAttribute("saved", true);
                return "redirect:/profile";
            } catch (DomainException e) {
                if ("password".equals(e.field())) {
                    binding.rejectValue("newPassword", e.messageKey(), e.arguments(), e.messageKey());
                } else {
                    FormErrors.reject(binding, e);
                }
            }
        }
        return page(me, form, model);
    }

    private String page(StaffPrincipal me, PasswordForm form, Model model) {
        model.addAttribute("member", staff.get(me.id()));
        model.addAttribute("form", form);
        return "identity/profile";
    }
}
