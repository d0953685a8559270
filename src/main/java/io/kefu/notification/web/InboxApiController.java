package io.kefu.notification.web;

import java.util.List;

import io.kefu.identity.StaffPrincipal;
import io.kefu.notification.InAppNotification;
import io.kefu.notification.Notifications;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own in-app notifications. */
@RestController
@RequestMapping("/api/v1/me/notifications")
@Tag(name = "Notifications")
class InboxApiController {

    private final Notifications notifications;

    InboxApiController(Notifications notifications) {
        this.notifications = notifications;
    }

    /** Newest first; {@code unread=true} for the unread ones only. */
    @GetMapping
    @PreAuthorize("isAuthenticated()")
    List<InAppNotification> inbox(@RequestParam(defaultValue = "false") boolean unread,
                                  @RequestParam(defaultValue = "50") int limit,
                                  @AuthenticationPrincipal StaffPrincipal me) {
        return notifications.inbox(me.id(), unread, limit);
    }

    /** Marks one of the caller's notifications read; another staff member's is 404. */
    @PostMapping("/{id}/read")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("isAuthenticated()")
    void markRead(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal me) {
        notifications.markRead(me.id(), id);
    }
}
