package io.kefu.notification.web;

import io.kefu.identity.StaffPrincipal;
import io.kefu.notification.internal.NotificationService;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The bell in the top navigation and the signed-in staff member's notifications page. */
@Controller
@PreAuthorize("isAuthenticated()")
class InboxPageController {

    private static final int PAGE = 100;

    private final NotificationService notifications;

    InboxPageController(NotificationService notifications) {
        this.notifications = notifications;
    }

    @GetMapping("/notifications")
    String page(@RequestParam(defaultValue = "false") boolean unread, @AuthenticationPrincipal StaffPrincipal me,
                Model model) {
        model.addAttribute("notifications", notifications.inbox(me.id(), unread, PAGE));
        model.addAttribute("unreadOnly", unread);
        model.addAttribute("unreadCount", notifications.unreadCount(me.id()));
        return "notification/inbox";
    }

    /** The bell with its unread count, which the layout loads and refreshes with htmx. */
    @GetMapping("/notifications/bell")
    String bell(@AuthenticationPrincipal StaffPrincipal me, Model model) {
        model.addAttribute("unreadCount", notifications.unreadCount(me.id()));
        return "notification/inbox :: bell";
    }

    @PostMapping("/notifications/{id}/read")
    String markRead(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal me) {
        notifications.markRead(me.id(), id);
        return "redirect:/notifications";
    }

    @PostMapping("/notifications/read-all")
    String markAllRead(@AuthenticationPrincipal StaffPrincipal me) {
        notifications.markAllRead(me.id());
        return "redirect:/notifications";
    }
}
