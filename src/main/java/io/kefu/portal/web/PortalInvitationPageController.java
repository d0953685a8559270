package io.kefu.portal.web;

import io.kefu.customer.CustomerDirectory;
import io.kefu.identity.StaffPrincipal;
import io.kefu.platform.DomainException;
import io.kefu.platform.web.FormErrors;
import io.kefu.portal.PortalInvitations;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff invite a customer to the portal at one of her email addresses (a staff page, in the staff layout). */
@Controller
@RequestMapping("/portal-invitations")
@PreAuthorize("hasAuthority('CUSTOMER_WRITE')")
class PortalInvitationPageController {

    private final PortalInvitations invitations;
    private final CustomerDirectory customers;

    PortalInvitationPageController(PortalInvitations invitations, CustomerDirectory customers) {
        this.invitations = invitations;
        this.customers = customers;
    }

    @GetMapping("/new")
    String form(@RequestParam long customerId, Model model) {
        PortalForm form = new PortalForm();
        model.addAttribute("form", form);
        return page(customerId, model);
    }

    @PostMapping
    String invite(@RequestParam long customerId, @ModelAttribute("form") PortalForm form, BindingResult binding,
                  @AuthenticationPrincipal StaffPrincipal me, Model model, RedirectAttributes redirect) {
        try {
            invitations.invite(customerId, form.getEmail(), me);
            redirect.addFlashAttribute("invitedEmail", form.getEmail());
            return "redirect:/portal-invitations/new?customerId=" + customerId;
        } catch (DomainException e) {
            FormErrors.reject(binding, e);
            return page(customerId, model);
        }
    }

    private String page(long customerId, Model model) {
        model.addAttribute("customer", customers.summary(customerId)
                .orElseThrow(() -> DomainException.notFound("customer", customerId)));
        return "portal/invitation";
    }
}
