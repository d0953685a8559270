package io.kefu.customer.web;

import io.kefu.customer.LifecycleStage;
import io.kefu.customer.internal.CustomerService;
import io.kefu.identity.StaffPrincipal;
import io.kefu.platform.DomainException;
import io.kefu.platform.web.FormErrors;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Hands every customer of one owner (optionally of one stage or tier) to another, e.g. when someone leaves. */
@Controller
@RequestMapping("/customers/transfer")
class CustomerTransferPageController {

    private final CustomerService customers;
    private final Owners owners;

    CustomerTransferPageController(CustomerService customers, Owners owners) {
        this.customers = customers;
        this.owners = owners;
    }

    public static class TransferForm {
        @NotNull
        private Long fromOwnerId;
        @NotNull
        private Long toOwnerId;
        private LifecycleStage lifecycleStage;
        @Size(max = 50)
        private String tier;

        public Long getFromOwnerId() {
            return fromOwnerId;
        }

        public void setFromOwnerId(Long fromOwnerId) {
            this.fromOwnerId = fromOwnerId;
        }

        public Long getToOwnerId() {
            return toOwnerId;
        }

        public void setToOwnerId(Long toOwnerId) {
            this.toOwnerId = toOwnerId;
        }

        public LifecycleStage getLifecycleStage() {
            return lifecycleStage;
        }

        public void setLifecycleStage(LifecycleStage lifecycleStage) {
            this.lifecycleStage = lifecycleStage;
        }

        public String getTier() {
            return tier;
        }

        public void setTier(String tier) {
            this.tier = tier;
        }
    }

    @GetMapping
    @PreAuthorize("hasAuthority('CUSTOMER_TRANSFER')")
    String form(Model model) {
        return page(new TransferForm(), model);
    }

    @PostMapping
    @PreAuthorize("hasAuthority('CUSTOMER_TRANSFER')")
    String transfer(@Valid @ModelAttribute("form") TransferForm form, BindingResult binding,
                    @AuthenticationPrincipal StaffPrincipal me, Model model, RedirectAttributes redirect) {
        if (!binding.hasErrors()) {
            try {
                int moved = customers.transfer(form.getFromOwnerId(), form.getToOwnerId(), form.getLifecycleStage(),
                        StringUtils.hasText(form.getTier()) ? form.getTier().strip() : null, me);
                redirect.addFlashAttribute("transferred", moved);
                redirect.addFlashAttribute("receiver", owners.nameOf(form.getToOwnerId()));
                return "redirect:/customers/transfer";
            } catch (DomainException e) {
                FormErrors.reject(binding, e);
            }
        }
        return page(form, model);
    }

    private String page(TransferForm form, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("owners", owners.everyone());
        model.addAttribute("stages", LifecycleStage.values());
        return "customer/transfer";
    }
}
