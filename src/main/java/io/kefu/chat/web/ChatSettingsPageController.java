package io.kefu.chat.web;

import java.util.Locale;

import io.kefu.chat.internal.ChatSettings;
import io.kefu.chat.internal.ChatSettingsStore;
import io.kefu.identity.StaffDirectory;
import io.kefu.platform.DomainException;
import io.kefu.platform.web.FormErrors;
import io.kefu.sla.BusinessHours;
import jakarta.validation.Valid;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The administrator's page for live chat: what visitors see, routing and limits, the bot, embedding. */
@Controller
@RequestMapping("/admin/chat")
class ChatSettingsPageController {

    /** How much of the identity secret the page shows, enough to tell two secrets apart. */
    private static final int SHOWN_SECRET = 4;

    private final ChatSettingsStore settings;
    private final StaffDirectory staff;
    private final BusinessHours calendars;
    private final MessageSource messages;

    ChatSettingsPageController(ChatSettingsStore settings, StaffDirectory staff, BusinessHours calendars,
                               MessageSource messages) {
        this.settings = settings;
        this.staff = staff;
        this.calendars = calendars;
        this.messages = messages;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('CHAT_MANAGE')")
    String show(Locale locale, Model model) {
        ChatSettings current = settings.current();
        return page(ChatSettingsForm.of(current, label -> messages.getMessage(label, null, label, locale)), current,
                model);
    }

    @PostMapping
    @PreAuthorize("hasAuthority('CHAT_MANAGE')")
    String save(@Valid @ModelAttribute("form") ChatSettingsForm form, BindingResult binding, Locale locale,
                Model model, RedirectAttributes redirect) {
        ChatSettings current = settings.current();
        if (!binding.hasErrors()) {
            try {
                settings.update(form.settings((key, label) -> keptLabel(current, key, label, locale)));
                redirect.addFlashAttribute("saved", true);
                return "redirect:/admin/chat";
            } catch (DomainException e) {
                FormErrors.reject(binding, e);
            }
        }
        form.setIdentitySecret(null);
        return page(form.withNewRows(), current, model);
    }

    private String page(ChatSettingsForm form, ChatSettings current, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("groups", staff.skillGroups());
        model.addAttribute("calendars", calendars.calendarNames());
        String secret = current.identitySecret();
        model.addAttribute("secretMask", secret == null ? "" : secret.substring(0, Math.min(SHOWN_SECRET,
                secret.length())) + "••••••••");
        model.addAttribute("embedCode", "<script src=\""
                + ServletUriComponentsBuilder.fromCurrentContextPath().path("/chat/widget.js").toUriString()
                + "\" async></script>");
        return "chat/settings";
    }

    /** An unchanged default label keeps its message key, so visitors keep reading it in their own language. */
    private String keptLabel(ChatSettings current, String key, String label, Locale locale) {
        ChatSettings.MenuItem stored = key == null ? null : current.menuItem(key);
        if (stored != null && label != null
                && label.equals(messages.getMessage(stored.label(), null, stored.label(), locale))) {
            return stored.label();
        }
        return label;
    }
}
