package io.kefu.notification.web;

import java.util.List;
import java.util.stream.Collectors;

import io.kefu.identity.StaffDirectory;
import io.kefu.notification.NotificationChannel;
import io.kefu.notification.internal.DeliveryState;
import io.kefu.notification.internal.Outbox;
import io.kefu.notification.internal.OutboxEntry;
import io.kefu.notification.internal.OutboxQuery;
import io.kefu.platform.DomainException;
import io.kefu.platform.web.PageProblem;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The outbox screen: filters by state and channel, attempts and errors, and "retry now". */
@Controller
@PreAuthorize("hasAuthority('NOTIFICATION_MANAGE')")
class OutboxPageController {

    private static final int PAGE = 50;

    private final Outbox outbox;
    private final StaffDirectory staff;

    OutboxPageController(Outbox outbox, StaffDirectory staff) {
        this.outbox = outbox;
        this.staff = staff;
    }

    @GetMapping("/admin/notifications")
    String page(@RequestParam(required = false) DeliveryState state,
                @RequestParam(required = false) NotificationChannel channel,
                @RequestParam(required = false) Long beforeId,
                @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        List<OutboxEntry> entries = outbox.search(new OutboxQuery(state, channel, beforeId, PAGE));
        model.addAttribute("entries", entries);
        model.addAttribute("staffNames", staff.everyone().stream().collect(Collectors.toMap(
                StaffDirectory.StaffSummary::id, StaffDirectory.StaffSummary::displayName, (a, b) -> a)));
        model.addAttribute("states", DeliveryState.values());
        model.addAttribute("channels", NotificationChannel.values());
        model.addAttribute("state", state);
        model.addAttribute("channel", channel);
        model.addAttribute("nextBeforeId", entries.size() == PAGE ? entries.get(entries.size() - 1).id() : null);
        return htmx != null ? "notification/outbox :: results" : "notification/outbox";
    }

    @PostMapping("/admin/notifications/{id}/retry")
    String retry(@PathVariable long id, @RequestParam(required = false) DeliveryState state,
                 @RequestParam(required = false) NotificationChannel channel, RedirectAttributes redirect) {
        try {
            outbox.retry(id);
            redirect.addFlashAttribute("retried", id);
        } catch (DomainException e) {
            if (e.status().value() == 404) {
                throw e;
            }
            PageProblem.flash(redirect, e);
        }
        if (state != null) {
            redirect.addAttribute("state", state);
        }
        if (channel != null) {
            redirect.addAttribute("channel", channel);
        }
        return "redirect:/admin/notifications";
    }
}
