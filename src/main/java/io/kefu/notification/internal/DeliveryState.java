package io.kefu.notification.internal;

/** Where a notification is on its way out of the outbox. */
public enum DeliveryState {
    /** Waiting for its first or next attempt. */
    PENDING,
    /** Claimed by a worker, being sent now. */
    SENDING,
    /** Delivered; in-app notifications are delivered when written. */
    SENT,
    /** Given up (no address, an impossible address, or too many failed attempts) until an administrator retries. */
    FAILED
}
