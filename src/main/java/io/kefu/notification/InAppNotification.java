package io.kefu.notification;

import java.time.Instant;

/** A notification in a staff member's inbox; {@code readAt} is null while unread. */
public record InAppNotification(long id, String subject, String body, String link, Instant createdAt, Instant readAt) {
}
