package io.kefu.notification.internal;

import io.kefu.notification.NotificationChannel;

/** A filter over the outbox for administrators, newest first; {@code beforeId} pages back. Nulls match all. */
public record OutboxQuery(DeliveryState state, NotificationChannel channel, Long beforeId, int limit) {

    static final int MAX_LIMIT = 200;

    public OutboxQuery {
        limit = Math.max(1, Math.min(limit, MAX_LIMIT));
    }
}
