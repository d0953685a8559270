package io.kefu.ticket.web;

import java.util.Map;

import io.kefu.identity.StaffPrincipal;
import io.kefu.platform.DomainException;
import io.kefu.platform.web.FormErrors;
import io.kefu.ticket.TicketChannel;
import io.kefu.ticket.TicketPriority;
import io.kefu.ticket.internal.TicketCategories;
import io.kefu.ticket.internal.TicketIntake;
import io.kefu.ticket.internal.TicketTypes;
import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Opening a ticket by hand, e.g. while the customer is on the phone. */
@Controller
class TicketFormPageController {

    /** Fields the customer module names differently from this form. */
    private static final Map<String, String> FORM_FIELDS = Map.of("phones", "phone", "emails", "email",
            "customer", "phone", "customerId", "customerId");

    private final TicketIntake intake;
    private final TicketTypes types;
    private final TicketCategories categories;

    TicketFormPageController(TicketIntake intake, TicketTypes types, TicketCategories categories) {
        this.intake = intake;
        this.types = types;
        this.categories = categories;
    }

    @GetMapping("/tickets/new")
    @PreAuthorize("hasAuthority('TICKET_WRITE')")
    String form(@RequestParam(required = false) Long customerId, Model model) {
        TicketForm form = new TicketForm();
        form.setCustomerId(customerId);
        return page(form, model);
    }

    @PostMapping("/tickets")
    @PreAuthorize("hasAuthority('TICKET_WRITE')")
    String create(@Valid @ModelAttribute("ticket") TicketForm form, BindingResult binding,
                  @AuthenticationPrincipal StaffPrincipal me, Model model) {
        if (binding.hasErrors()) {
            return page(form, model);
        }
        try {
            long id = intake.open(form.customerRef(), form.draft(me.id()), null, null, me).ticket().getId();
            return "redirect:/tickets/" + id;
        } catch (DomainException e) {
            String field = e.field() == null ? null : FORM_FIELDS.getOrDefault(e.field(), e.field());
            FormErrors.reject(binding, field == null || field.equals(e.field()) ? e
                    : DomainException.onField(e.status(), field, e.messageKey(), e.arguments()));
            return page(form, model);
        }
    }

    private String page(TicketForm form, Model model) {
        model.addAttribute("ticket", form);
        model.addAttribute("typeList", types.all());
        model.addAttribute("categoryList", categories.all());
        model.addAttribute("priorities", TicketPriority.values());
        model.addAttribute("channels", TicketChannel.values());
        return "ticket/form";
    }
}
