package io.kefu.email.web;

import io.kefu.email.EmailInbox;
import io.kefu.email.MailKind;
import io.kefu.email.internal.MailLog;
import io.kefu.email.internal.MailboxService;
import io.kefu.platform.DomainException;
import io.kefu.platform.web.FormErrors;
import io.kefu.platform.web.PageProblem;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The mailboxes screen: list, form, and each mailbox's mail log and replies with their retries. */
@Controller
@RequestMapping("/admin/mailboxes")
@PreAuthorize("hasAuthority('MAILBOX_MANAGE')")
class MailboxPageController {

    private static final int PAGE = 50;

    private final MailboxService mailboxes;
    private final MailLog log;
    private final EmailInbox inbox;

    MailboxPageController(MailboxService mailboxes, MailLog log, EmailInbox inbox) {
        this.mailboxes = mailboxes;
        this.log = log;
        this.inbox = inbox;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("mailboxes", mailboxes.all());
        return "email/mailboxes";
    }

    @GetMapping("/new")
    String newMailbox(Model model) {
        return form(new MailboxForm(), null, model);
    }

    @PostMapping
    String create(@Valid @ModelAttribute("form") MailboxForm form, BindingResult binding, Model model,
                  RedirectAttributes redirect) {
        if (!binding.hasErrors()) {
            try {
                long id = mailboxes.create(form.draft()).id();
                redirect.addFlashAttribute("saved", true);
                return "redirect:/admin/mailboxes/" + id;
            } catch (DomainException e) {
                FormErrors.reject(binding, e);
            }
        }
        return form(form, null, model);
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, @RequestParam(required = false) MailKind kind,
                  @RequestParam(required = false) Long beforeId, Model model) {
        model.addAttribute("mailbox", mailboxes.get(id));
        var messages = log.messages(id, kind, beforeId, PAGE);
        model.addAttribute("messages", messages);
        model.addAttribute("replies", log.replies(id, PAGE));
        model.addAttribute("kinds", MailKind.values());
        model.addAttribute("kind", kind);
        model.addAttribute("nextBeforeId", messages.size() == PAGE ? messages.get(messages.size() - 1).id() : null);
        return "email/mailbox";
    }

    @GetMapping("/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        return form(MailboxForm.of(mailboxes.get(id)), id, model);
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @Valid @ModelAttribute("form") MailboxForm form, BindingResult binding,
                  Model model, RedirectAttributes redirect) {
        if (!binding.hasErrors()) {
            try {
                mailboxes.update(id, form.draft());
                redirect.addFlashAttribute("saved", true);
                return "redirect:/admin/mailboxes/" + id;
            } catch (DomainException e) {
                FormErrors.reject(binding, e);
            }
        }
        return form(form, id, model);
    }

    @PostMapping("/{id}/enabled")
    String setEnabled(@PathVariable long id, @RequestParam(defaultValue = "false") boolean enabled,
                      RedirectAttributes redirect) {
        mailboxes.setEnabled(id, enabled);
        redirect.addFlashAttribute("saved", true);
        return "redirect:/admin/mailboxes";
    }

    @PostMapping("/{id}/poll")
    String poll(@PathVariable long id, RedirectAttributes redirect) {
        return refusedOrDone(id, redirect, () -> redirect.addFlashAttribute("polled", inbox.poll(id)));
    }

    @GetMapping("/{id}/messages/{messageId}/raw")
    ResponseEntity<byte[]> raw(@PathVariable long id, @PathVariable long messageId) {
        return MailboxApiController.Eml.download(messageId, log.raw(id, messageId));
    }

    @PostMapping("/{id}/messages/{messageId}/retry")
    String retry(@PathVariable long id, @PathVariable long messageId, RedirectAttributes redirect) {
        return refusedOrDone(id, redirect, () -> redirect.addFlashAttribute("retried",
                log.retry(id, messageId).kind().name()));
    }

    @PostMapping("/{id}/replies/{replyId}/retry")
    String retryReply(@PathVariable long id, @PathVariable long replyId, RedirectAttributes redirect) {
        return refusedOrDone(id, redirect, () -> {
            log.retryReply(id, replyId);
            redirect.addFlashAttribute("saved", true);
        });
    }

    /** Runs the action; a refusal other than "not found" is said above the mailbox page. */
    private static String refusedOrDone(long id, RedirectAttributes redirect, Runnable action) {
        try {
            action.run();
        } catch (DomainException e) {
            if (e.status().value() == 404) {
                throw e;
            }
            PageProblem.flash(redirect, e);
        }
        return "redirect:/admin/mailboxes/" + id;
    }

    private String form(MailboxForm form, Long id, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("mailboxId", id);
        model.addAttribute("mailbox", id == null ? null : mailboxes.get(id));
        return "email/mailbox-form";
    }
}
