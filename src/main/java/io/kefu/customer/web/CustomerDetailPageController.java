package io.kefu.customer.web;

import java.util.List;

import io.kefu.customer.CustomerDirectory;
import io.kefu.customer.internal.CustomerFields;
import io.kefu.customer.internal.CustomerRecord;
import io.kefu.customer.internal.CustomerService;
import io.kefu.customer.internal.TimelineEntry;
import io.kefu.identity.StaffPrincipal;
import io.kefu.platform.DomainException;
import io.kefu.platform.web.PageProblem;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A customer's page: her details (personal data masked until revealed), her timeline with notes, and merging a
 * duplicate into her.
 */
@Controller
@RequestMapping("/customers/{id}")
class CustomerDetailPageController {

    private static final int TIMELINE_PAGE = 30;

    private final CustomerService customers;
    private final CustomerFields fields;
    private final Owners owners;
    private final CustomerDirectory directory;

    CustomerDetailPageController(CustomerService customers, CustomerFields fields, Owners owners,
                                 CustomerDirectory directory) {
        this.customers = customers;
        this.directory = directory;
        this.fields = fields;
        this.owners = owners;
    }

    public static class NoteForm {
        @NotBlank
        @Size(max = 4000)
        private String text;

        public String getText() {
            return text;
        }

        public void setText(String text) {
            this.text = text;
        }
    }

    /** With {@code before}, the timeline continues below that entry; htmx then takes only the entries. */
    @GetMapping
    @PreAuthorize("hasAuthority('CUSTOMER_READ')")
    String show(@PathVariable long id, @RequestParam(required = false) Long before,
                @RequestHeader(name = "HX-Request", required = false) String htmx,
                @AuthenticationPrincipal StaffPrincipal me, Model model) {
        CustomerRecord customer = customers.get(id, me);
        if (htmx != null && before != null) {
            timeline(customer, before, me, model);
            return "customer/detail :: entries";
        }
        return page(customer, false, before, me, model);
    }

    /** The same page with phones, emails and id numbers in full; the service writes the reveal to the audit log. */
    @PostMapping("/reveal")
    @PreAuthorize("hasAuthority('CUSTOMER_REVEAL')")
    String reveal(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal me, Model model) {
        return page(customers.reveal(id, me), true, null, me, model);
    }

    @PostMapping("/notes")
    @PreAuthorize("hasAuthority('CUSTOMER_WRITE')")
    String addNote(@PathVariable long id, @Valid @ModelAttribute("note") NoteForm note, BindingResult binding,
                   @RequestHeader(name = "HX-Request", required = false) String htmx,
                   @AuthenticationPrincipal StaffPrincipal me, Model model, RedirectAttributes redirect) {
        CustomerRecord customer = customers.get(id, me);
        if (!binding.hasErrors()) {
            customers.addNote(id, note.getText(), me);
            if (htmx == null) {
                redirect.addFlashAttribute("saved", true);
                return "redirect:/customers/" + id;
            }
            model.addAttribute("note", new NoteForm());
        }
        if (htmx == null) {
            return page(customer, false, null, me, model);
        }
        timeline(customer, null, me, model);
        return "customer/detail :: timeline";
    }

    /** Merges the customer numbered {@code sourceId} into this one. */
    @PostMapping("/merge")
    @PreAuthorize("hasAuthority('CUSTOMER_MERGE')")
    String merge(@PathVariable long id, @RequestParam(required = false) Long sourceId,
                 @AuthenticationPrincipal StaffPrincipal me, RedirectAttributes redirect) {
        customers.get(id, me);
        if (sourceId == null) {
            PageProblem.flash(redirect, "customer.merge.sourceRequired");
            return "redirect:/customers/" + id;
        }
        try {
            customers.merge(id, sourceId, me);
            redirect.addFlashAttribute("mergedId", sourceId);
        } catch (DomainException e) {
            PageProblem.flash(redirect, e);
        }
        return "redirect:/customers/" + id;
    }

    private String page(CustomerRecord customer, boolean revealed, Long before, StaffPrincipal me, Model model) {
        model.addAttribute("customer", CustomerView.of(customer, revealed));
        model.addAttribute("ownerName", owners.nameOf(customer.ownerId()));
        model.addAttribute("attributes", AttributeLine.of(customer.attributes(), fields.all()));
        model.addAttribute("revealed", revealed);
        model.addAttribute("loyaltyPoints", directory.loyaltyPoints(customer.id()));
        if (!model.containsAttribute("note")) {
            model.addAttribute("note", new NoteForm());
        }
        timeline(customer, before, me, model);
        return "customer/detail";
    }

    private void timeline(CustomerRecord customer, Long before, StaffPrincipal me, Model model) {
        List<TimelineEntry> entries = customers.timeline(customer.id(), before, TIMELINE_PAGE, me);
        model.addAttribute("customerId", customer.id());
        model.addAttribute("merged", customer.mergedIntoId() != null);
        model.addAttribute("entries", entries);
        model.addAttribute("olderThan", entries.size() == TIMELINE_PAGE ? entries.get(TIMELINE_PAGE - 1).id() : null);
    }
}
