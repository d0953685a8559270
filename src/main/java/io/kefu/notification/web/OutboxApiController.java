package io.kefu.notification.web;

import java.util.List;

import io.kefu.notification.NotificationChannel;
import io.kefu.notification.internal.DeliveryState;
import io.kefu.notification.internal.Outbox;
import io.kefu.notification.internal.OutboxEntry;
import io.kefu.notification.internal.OutboxQuery;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The notification outbox for administrators: what is waiting, what failed and why, and retrying. */
@RestController
@RequestMapping("/api/v1/notifications")
@Tag(name = "Notifications")
class OutboxApiController {

    private final Outbox outbox;

    OutboxApiController(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Newest first; pass the smallest {@code id} seen as {@code beforeId} for the next page. */
    @GetMapping
    @PreAuthorize("hasAuthority('NOTIFICATION_MANAGE')")
    List<OutboxEntry> search(@RequestParam(required = false) DeliveryState state,
                             @RequestParam(required = false) NotificationChannel channel,
                             @RequestParam(required = false) Long beforeId,
                             @RequestParam(defaultValue = "50") int limit) {
        return outbox.search(new OutboxQuery(state, channel, beforeId, limit));
    }

    /** Makes a PENDING or FAILED notification due now, with a fresh budget of attempts (audited). */
    @PostMapping("/{id}/retry")
    @PreAuthorize("hasAuthority('NOTIFICATION_MANAGE')")
    OutboxEntry retry(@PathVariable long id) {
        return outbox.retry(id);
    }
}
