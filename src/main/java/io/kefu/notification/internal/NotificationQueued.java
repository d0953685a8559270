package io.kefu.notification.internal;

/** A notification waits in the outbox; published in the sender's transaction, heard after it commits. */
record NotificationQueued(long id) {
}
