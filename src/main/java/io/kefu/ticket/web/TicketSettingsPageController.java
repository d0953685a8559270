package io.kefu.ticket.web;

import java.util.LinkedHashMap;
import java.util.Map;

import io.kefu.identity.StaffDirectory;
import io.kefu.identity.StaffPrincipal;
import io.kefu.platform.DomainException;
import io.kefu.ticket.internal.AutomaticAssignment;
import io.kefu.ticket.internal.CannedReplies;
import io.kefu.ticket.internal.RoutingStrategy;
import io.kefu.ticket.internal.TicketCategories;
import io.kefu.ticket.internal.TicketSettings;
import io.kefu.ticket.internal.TicketTypes;
import io.kefu.platform.web.PageProblem;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** One screen for what tickets are set up with: types, categories, canned replies, how skill groups share work. */
@Controller
@RequestMapping("/admin/ticket-settings")
@PreAuthorize("hasAuthority('TICKET_CONFIGURE')")
class TicketSettingsPageController {

    private final TicketSettings settings;
    private final TicketTypes types;
    private final TicketCategories categories;
    private final CannedReplies cannedReplies;
    private final AutomaticAssignment assignment;
    private final StaffDirectory staff;

    TicketSettingsPageController(TicketSettings settings, TicketTypes types, TicketCategories categories,
                                 CannedReplies cannedReplies, AutomaticAssignment assignment, StaffDirectory staff) {
        this.settings = settings;
        this.types = types;
        this.categories = categories;
        this.cannedReplies = cannedReplies;
        this.assignment = assignment;
        this.staff = staff;
    }

    @GetMapping
    String show(Model model) {
        Map<StaffDirectory.SkillGroupSummary, RoutingStrategy> routing = new LinkedHashMap<>();
        staff.skillGroups().forEach(group -> routing.put(group, assignment.strategyOf(group.id())));
        model.addAttribute("typeList", types.all());
        model.addAttribute("categoryList", categories.all());
        model.addAttribute("cannedList", cannedReplies.all());
        model.addAttribute("routing", routing);
        model.addAttribute("strategies", RoutingStrategy.values());
        return "ticket/settings";
    }

    @PostMapping("/types")
    String addType(@RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "") String name,
                   @RequestParam(defaultValue = "false") boolean requiresReturnVisit, RedirectAttributes redirect) {
        if (code.isBlank() || name.isBlank() || name.length() > 100) {
            return refuse(redirect, "ticket.settings.typeIncomplete");
        }
        return attempt(redirect, () -> settings.addType(code, name, requiresReturnVisit));
    }

    @PostMapping("/categories")
    String addCategory(@RequestParam(required = false) Long parentId, @RequestParam(defaultValue = "") String name,
                       RedirectAttributes redirect) {
        if (name.isBlank() || name.length() > 100) {
            return refuse(redirect, "ticket.settings.nameRequired");
        }
        return attempt(redirect, () -> settings.addCategory(parentId, name));
    }

    @PostMapping("/canned-replies")
    String addCannedReply(@RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String body,
                          @AuthenticationPrincipal StaffPrincipal me, RedirectAttributes redirect) {
        if (title.isBlank() || title.length() > 100 || body.isBlank() || body.length() > 5000) {
            return refuse(redirect, "ticket.settings.cannedIncomplete");
        }
        return attempt(redirect, () -> settings.addCannedReply(title, body, me));
    }

    @PostMapping("/canned-replies/{id}/delete")
    String deleteCannedReply(@PathVariable long id, RedirectAttributes redirect) {
        return attempt(redirect, () -> settings.deleteCannedReply(id));
    }

    @PostMapping("/routing/{skillGroupId}")
    String setRouting(@PathVariable long skillGroupId, @RequestParam RoutingStrategy strategy,
                      RedirectAttributes redirect) {
        return attempt(redirect, () -> settings.setRouting(skillGroupId, strategy));
    }

    private static String attempt(RedirectAttributes redirect, Runnable change) {
        try {
            change.run();
            redirect.addFlashAttribute("saved", true);
        } catch (DomainException e) {
            PageProblem.flash(redirect, e);
        }
        return "redirect:/admin/ticket-settings";
    }

    private static String refuse(RedirectAttributes redirect, String messageKey) {
        PageProblem.flash(redirect, messageKey);
        return "redirect:/admin/ticket-settings";
    }
}
