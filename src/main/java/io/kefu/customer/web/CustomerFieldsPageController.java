package io.kefu.customer.web;

import io.kefu.customer.internal.CustomerFields;
import io.kefu.platform.DomainException;
import io.kefu.platform.web.FormErrors;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The custom fields customers carry: the list, and one form that defines a field or, for a key already defined,
 * changes its label, type and options.
 */
@Controller
@RequestMapping("/customers/fields")
class CustomerFieldsPageController {

    private final CustomerFields fields;

    CustomerFieldsPageController(CustomerFields fields) {
        this.fields = fields;
    }

    public static class FieldForm {
        @NotBlank
        @Size(max = 50)
        private String key;
        @NotBlank
        @Size(max = 100)
        private String label;
        @NotNull
        private CustomerFields.Type type = CustomerFields.Type.TEXT;
        @Size(max = 2000)
        private String options;

        static FieldForm of(CustomerFields.Field field) {
            FieldForm form = new FieldForm();
            form.key = field.key();
            form.label = field.label();
            form.type = field.type();
            form.options = String.join(", ", field.options());
            return form;
        }

        public String getKey() {
            return key;
        }

        public void setKey(String key) {
            this.key = key;
        }

        public String getLabel() {
            return label;
        }

        public void setLabel(String label) {
            this.label = label;
        }

        public CustomerFields.Type getType() {
            return type;
        }

        public void setType(CustomerFields.Type type) {
            this.type = type;
        }

        public String getOptions() {
            return options;
        }

        public void setOptions(String options) {
            this.options = options;
        }
    }

    /** With {@code key}, the form opens on that field to change it. */
    @GetMapping
    @PreAuthorize("hasAuthority('CUSTOMER_FIELD_MANAGE')")
    String list(@RequestParam(required = false) String key, Model model) {
        FieldForm form = fields.all().stream().filter(f -> f.key().equals(key)).findFirst()
                .map(FieldForm::of).orElseGet(FieldForm::new);
        return page(form, model);
    }

    @PostMapping
    @PreAuthorize("hasAuthority('CUSTOMER_FIELD_MANAGE')")
    String define(@Valid @ModelAttribute("form") FieldForm form, BindingResult binding, Model model,
                  RedirectAttributes redirect) {
        if (!binding.hasErrors()) {
            try {
                fields.define(new CustomerFields.Field(form.getKey().strip(), form.getLabel(), form.getType(),
                        Separated.values(form.getOptions())));
                redirect.addFlashAttribute("saved", true);
                return "redirect:/customers/fields";
            } catch (DomainException e) {
                FormErrors.reject(binding, e);
            }
        }
        return page(form, model);
    }

    private String page(FieldForm form, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("fields", fields.all());
        model.addAttribute("types", CustomerFields.Type.values());
        return "customer/fields";
    }
}
