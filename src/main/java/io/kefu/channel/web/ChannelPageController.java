package io.kefu.channel.web;

import io.kefu.channel.ChannelKind;
import io.kefu.channel.internal.ChannelSecret;
import io.kefu.channel.internal.ChannelService;
import io.kefu.channel.internal.NewSecrets;
import io.kefu.platform.DomainException;
import io.kefu.platform.web.FormErrors;
import jakarta.validation.Valid;
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

/**
 * The channels screen: the list, a form to add or edit one with its replies out (attempts, last error) below, and
 * rotating its secrets. A secret appears once, on the page right after it is made.
 */
@Controller
@RequestMapping("/admin/channels")
@PreAuthorize("hasAuthority('CHANNEL_MANAGE')")
class ChannelPageController {

    private static final int DELIVERIES = 50;

    private final ChannelService channels;

    ChannelPageController(ChannelService channels) {
        this.channels = channels;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("channels", channels.all());
        return "channel/list";
    }

    @GetMapping("/new")
    String newChannel(Model model) {
        return form(new ChannelForm(), null, model);
    }

    @PostMapping
    String create(@Valid @ModelAttribute("form") ChannelForm form, BindingResult binding, Model model,
                  RedirectAttributes redirect) {
        if (!binding.hasErrors()) {
            try {
                NewSecrets created = channels.create(form.draft());
                showOnce(redirect, created);
                return "redirect:/admin/channels/" + created.channel().id();
            } catch (DomainException e) {
                FormErrors.reject(binding, e);
            }
        }
        return form(form, null, model);
    }

    @GetMapping("/{id}")
    String edit(@PathVariable long id, Model model) {
        return form(ChannelForm.of(channels.get(id)), id, model);
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @Valid @ModelAttribute("form") ChannelForm form, BindingResult binding,
                  Model model, RedirectAttributes redirect) {
        if (!binding.hasErrors()) {
            try {
                channels.update(id, form.draft());
                redirect.addFlashAttribute("saved", true);
                return "redirect:/admin/channels";
            } catch (DomainException e) {
                FormErrors.reject(binding, e);
            }
        }
        return form(form, id, model);
    }

    @PostMapping("/{id}/enabled")
    String setEnabled(@PathVariable long id, @RequestParam(defaultValue = "false") boolean enabled,
                      RedirectAttributes redirect) {
        channels.setEnabled(id, enabled);
        redirect.addFlashAttribute("saved", true);
        return "redirect:/admin/channels";
    }

    @PostMapping("/{id}/inbound-secret")
    String rotateInboundSecret(@PathVariable long id, RedirectAttributes redirect) {
        showOnce(redirect, channels.rotate(id, ChannelSecret.INBOUND));
        return "redirect:/admin/channels/" + id;
    }

    @PostMapping("/{id}/connector-secret")
    String rotateConnectorSecret(@PathVariable long id, RedirectAttributes redirect) {
        showOnce(redirect, channels.rotate(id, ChannelSecret.CONNECTOR));
        return "redirect:/admin/channels/" + id;
    }

    /** Flash attributes live for the one page after the redirect: the secret is not shown on a reload. */
    private static void showOnce(RedirectAttributes redirect, NewSecrets secrets) {
        if (secrets.inboundSecret() != null) {
            redirect.addFlashAttribute("inboundSecret", secrets.inboundSecret());
        }
        if (secrets.connectorSecret() != null) {
            redirect.addFlashAttribute("connectorSecret", secrets.connectorSecret());
        }
    }

    private String form(ChannelForm form, Long id, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("channelId", id);
        model.addAttribute("kinds", ChannelKind.values());
        model.addAttribute("identityKinds", ChannelService.SENDER_IDENTITIES);
        if (id != null) {
            model.addAttribute("inboundPath", ChannelView.inboundPath(id));
            model.addAttribute("deliveries", channels.deliveries(id, DELIVERIES));
        }
        return "channel/form";
    }
}
