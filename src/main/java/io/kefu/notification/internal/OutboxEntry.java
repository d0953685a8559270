package io.kefu.notification.internal;

import java.time.Instant;

import io.kefu.notification.NotificationChannel;

/** One row of the outbox, as the worker and administrators see it. */
public record OutboxEntry(long id, NotificationChannel channel, Long recipientStaffId, String address, String subject,
                          String body, String link, String dedupKey, DeliveryState state, int attempts,
                          Instant nextAttemptAt, String lastError, Instant createdAt, Instant sentAt, Instant readAt) {

    public boolean retryable() {
        return state == DeliveryState.PENDING || state == DeliveryState.FAILED;
    }
}
