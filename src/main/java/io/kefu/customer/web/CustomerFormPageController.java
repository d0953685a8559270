package io.kefu.customer.web;

import io.kefu.customer.CustomerType;
import io.kefu.customer.LifecycleStage;
import io.kefu.customer.internal.CustomerFields;
import io.kefu.customer.internal.CustomerRecord;
import io.kefu.customer.internal.CustomerService;
import io.kefu.customer.internal.DuplicateCustomerException;
import io.kefu.identity.DataScope;
import io.kefu.identity.StaffPrincipal;
import io.kefu.platform.DomainException;
import io.kefu.platform.web.FormErrors;
import jakarta.validation.Valid;
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

/**
 * The form for a new or an existing customer. When a phone, email or id already belongs to someone else the form
 * says who, with a link to her and, for an existing customer, the offer to merge this one into her.
 */
@Controller
@RequestMapping("/customers")
class CustomerFormPageController {

    /** The customer that already holds an identity being saved. */
    public record Duplicate(long id, String name) {
    }

    private final CustomerService customers;
    private final CustomerFields fields;
    private final Owners owners;

    CustomerFormPageController(CustomerService customers, CustomerFields fields, Owners owners) {
        this.customers = customers;
        this.fields = fields;
        this.owners = owners;
    }

    @GetMapping("/new")
    @PreAuthorize("hasAuthority('CUSTOMER_WRITE')")
    String newForm(@AuthenticationPrincipal StaffPrincipal me, Model model) {
        CustomerForm form = new CustomerForm();
        if (me.dataScope() == DataScope.OWN) {
            form.setOwnerId(me.id());
        }
        return form(form, null, model);
    }

    @PostMapping
    @PreAuthorize("hasAuthority('CUSTOMER_WRITE')")
    String create(@Valid @ModelAttribute("form") CustomerForm form, BindingResult binding,
                  @AuthenticationPrincipal StaffPrincipal me, Model model, RedirectAttributes redirect) {
        if (!binding.hasErrors()) {
            try {
                CustomerRecord created = customers.create(form.draft(null), me);
                redirect.addFlashAttribute("saved", true);
                return afterSave(created.id(), me);
            } catch (DomainException e) {
                reject(binding, e, model);
            }
        }
        return form(form, null, model);
    }

    @GetMapping("/{id}/edit")
    @PreAuthorize("hasAuthority('CUSTOMER_WRITE')")
    String edit(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal me, Model model) {
        CustomerRecord customer = customers.get(id, me);
        return form(CustomerForm.of(customer), customer, model);
    }

    @PostMapping("/{id}")
    @PreAuthorize("hasAuthority('CUSTOMER_WRITE')")
    String update(@PathVariable long id, @Valid @ModelAttribute("form") CustomerForm form, BindingResult binding,
                  @AuthenticationPrincipal StaffPrincipal me, Model model, RedirectAttributes redirect) {
        CustomerRecord customer = customers.get(id, me);
        if (form.getVersion() != null && form.getVersion() != customer.version()) {
            binding.reject("problem.concurrentChange");
        }
        if (!binding.hasErrors()) {
            try {
                customers.update(id, form.draft(customer), me);
                redirect.addFlashAttribute("saved", true);
                return afterSave(id, me);
            } catch (DomainException e) {
                reject(binding, e, model);
            }
        }
        return form(form, customer, model);
    }

    private static void reject(BindingResult binding, DomainException e, Model model) {
        FormErrors.reject(binding, e);
        if (e instanceof DuplicateCustomerException duplicate) {
            model.addAttribute("duplicate", new Duplicate(duplicate.duplicateOf(), duplicate.duplicateName()));
        }
    }

    /** To the customer's page, or to the list when she was given to an owner outside the editor's data scope. */
    private String afterSave(long id, StaffPrincipal me) {
        try {
            customers.get(id, me);
            return "redirect:/customers/" + id;
        } catch (DomainException e) {
            return "redirect:/customers";
        }
    }

    private String form(CustomerForm form, CustomerRecord customer, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("customer", customer == null ? null : CustomerView.of(customer, false));
        model.addAttribute("owners", owners.choices(customer == null ? form.getOwnerId() : customer.ownerId()));
        model.addAttribute("types", CustomerType.values());
        model.addAttribute("stages", LifecycleStage.values());
        model.addAttribute("fields", fields.all());
        return "customer/form";
    }
}
