package io.kefu.notification;

import java.util.List;

/** What other modules use to notify people, and what a staff member's inbox shows. */
public interface Notifications {

    /**
     * Stores the notification in the outbox in the CALLER's transaction (so it exists iff the caller commits); it is
     * delivered after commit. Returns its id.
     */
    long send(NotificationRequest request);

    /** In-app notifications of a staff member, newest first. */
    List<InAppNotification> inbox(long staffId, boolean unreadOnly, int limit);

    long unreadCount(long staffId);

    /** Marks one of her own in-app notifications read; someone else's id is refused as not found. */
    void markRead(long staffId, long notificationId);
}
