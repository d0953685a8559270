package io.kefu.portal.web;

import java.time.Clock;
import java.util.Locale;

import io.kefu.platform.DomainException;
import io.kefu.platform.web.FormErrors;
import io.kefu.portal.internal.WebFormService;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The web form, for anyone and embeddable in the company's site: it needs no session (a framed page gets no
 * cookies), so the thank-you page is the answer to the post itself, and the language travels in the form.
 */
@Controller
@RequestMapping("/portal/form")
@PreAuthorize("permitAll()")
class WebFormController {

    private final WebFormService webForm;
    private final Clock clock;

    WebFormController(WebFormService webForm, Clock clock) {
        this.webForm = webForm;
        this.clock = clock;
    }

    @GetMapping
    String form(Model model) {
        PortalForm form = new PortalForm();
        form.setShownAt(clock.millis());
        model.addAttribute("form", form);
        return "portal/form";
    }

    @PostMapping
    String submit(@ModelAttribute("form") PortalForm form, BindingResult binding, Model model, Locale locale,
                  HttpServletRequest request) {
        try {
            String number = webForm.submit(new WebFormService.Submission(form.getName(), form.getEmail(),
                    form.getPhone(), form.getSubject(), form.getDescription(), form.getShownAt(), form.getWebsite()),
                    locale, request.getRemoteAddr());
            model.addAttribute("ticketNumber", number);
            model.addAttribute("emailed", form.getEmail() != null && !form.getEmail().isBlank());
            return "portal/form-sent";
        } catch (DomainException e) {
            FormErrors.reject(binding, e);
            return "portal/form";
        }
    }
}
