package io.kefu.portal.web;

import java.util.Locale;

import io.kefu.platform.DomainException;
import io.kefu.platform.web.FormErrors;
import io.kefu.portal.PortalCustomer;
import io.kefu.portal.internal.PortalAccountService;
import io.kefu.portal.internal.PortalSessionStore;
import io.kefu.portal.internal.TokenPurpose;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * How customers get into the portal: sign-up, sign-in by password or by a link emailed to them, password resets,
 * and the links from those emails. Pages that send an email answer alike whether or not the address has an account.
 */
@Controller
@RequestMapping("/portal")
@PreAuthorize("permitAll()")
class PortalSignInController {

    private final PortalAccountService accounts;
    private final PortalSessionStore sessions;

    PortalSignInController(PortalAccountService accounts, PortalSessionStore sessions) {
        this.accounts = accounts;
        this.sessions = sessions;
    }

    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("form", new PortalForm());
        model.addAttribute("linkForm", new PortalForm());
        return "portal/login";
    }

    @PostMapping("/login")
    String signIn(@ModelAttribute("form") PortalForm form, BindingResult binding, Model model,
                  HttpServletRequest request, HttpServletResponse response) {
        try {
            PortalCustomer customer = accounts.signIn(form.getEmail(), form.getPassword());
            return "redirect:" + sessions.signIn(customer, request, response);
        } catch (DomainException e) {
            FormErrors.reject(binding, e);
            form.setPassword(null);
            model.addAttribute("linkForm", new PortalForm());
            return "portal/login";
        }
    }

    @PostMapping("/login/link")
    String emailLink(@ModelAttribute("linkForm") PortalForm form, BindingResult binding, Model model,
                     HttpServletRequest request) {
        model.addAttribute("form", new PortalForm());
        return emailed(() -> accounts.emailSignInLink(form.getEmail(), request.getRemoteAddr()), form, binding, model,
                "portal/login");
    }

    @GetMapping("/signup")
    String signUpForm(Model model) {
        model.addAttribute("form", new PortalForm());
        return "portal/signup";
    }

    @PostMapping("/signup")
    String signUp(@ModelAttribute("form") PortalForm form, BindingResult binding, Model model, Locale locale,
                  HttpServletRequest request) {
        return emailed(() -> accounts.signUp(form.getName(), form.getEmail(), form.getPassword(), locale,
                request.getRemoteAddr()), form, binding, model, "portal/signup");
    }

    @GetMapping("/password-reset")
    String resetForm(Model model) {
        model.addAttribute("form", new PortalForm());
        return "portal/password-reset";
    }

    @PostMapping("/password-reset")
    String reset(@ModelAttribute("form") PortalForm form, BindingResult binding, Model model,
                 HttpServletRequest request) {
        return emailed(() -> accounts.emailPasswordReset(form.getEmail(), request.getRemoteAddr()), form, binding,
                model, "portal/password-reset");
    }

    /**
     * A link from an email shows a page with a button (or, for invitations and resets, a password to choose) and
     * does nothing by itself: mail scanners that open every link must not use it up.
     */
    @GetMapping("/link")
    String link(@RequestParam(required = false) String token, Model model, HttpServletResponse response) {
        PortalForm form = new PortalForm();
        form.setToken(token);
        model.addAttribute("form", form);
        return linkPage(token, model, response);
    }

    @PostMapping("/link")
    String redeem(@ModelAttribute("form") PortalForm form, BindingResult binding, Model model,
                  HttpServletRequest request, HttpServletResponse response) {
        try {
            PortalCustomer customer = accounts.redeem(form.getToken(), form.getPassword());
            return "redirect:" + sessions.signIn(customer, request, response);
        } catch (DomainException e) {
            FormErrors.reject(binding, e);
            form.setPassword(null);
            return linkPage(form.getToken(), model, response);
        }
    }

    private String linkPage(String token, Model model, HttpServletResponse response) {
        TokenPurpose purpose = accounts.purposeOf(token).orElse(null);
        if (purpose == null) {
            response.setStatus(HttpStatus.GONE.value());
        }
        model.addAttribute("purpose", purpose);
        return "portal/link";
    }

    /**
     * Does what ends in an email to the address on the form and shows "check your mailbox" (the same page whether or
     * not the address has an account), or the form again with the refusal.
     */
    private static String emailed(Runnable send, PortalForm form, BindingResult binding, Model model,
                                  String formView) {
        try {
            send.run();
            model.addAttribute("email", form.getEmail());
            return "portal/check-mail";
        } catch (DomainException e) {
            FormErrors.reject(binding, e);
            form.setPassword(null);
            return formView;
        }
    }
}
