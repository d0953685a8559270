package io.kefu.email.web;

import io.kefu.email.internal.Signatures;
import io.kefu.identity.StaffPrincipal;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A staff member's own email signature, under every reply she sends by email. */
@Controller
@PreAuthorize("hasAuthority('TICKET_WRITE')")
class SignaturePageController {

    private final Signatures signatures;

    SignaturePageController(Signatures signatures) {
        this.signatures = signatures;
    }

    @GetMapping("/email/signature")
    String page(@AuthenticationPrincipal StaffPrincipal me, Model model) {
        model.addAttribute("signature", signatures.of(me.id()).orElse(""));
        return "email/signature";
    }

    @PostMapping("/email/signature")
    String save(@AuthenticationPrincipal StaffPrincipal me, @RequestParam(defaultValue = "") String signature,
                RedirectAttributes redirect) {
        signatures.save(me.id(), signature);
        redirect.addFlashAttribute("saved", true);
        return "redirect:/email/signature";
    }
}
