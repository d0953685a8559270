package io.kefu.email.internal;

import java.time.Instant;

/**
 * A reply waiting for, or done with, delivery.
 *
 * @param messageId    the Message-ID it goes out with, which the customer's answer refers to
 * @param inReplyTo    the thread's latest message when it was written
 * @param referenceIds the thread's Message-IDs, oldest first, separated by spaces
 * @param state        PENDING, SENT or FAILED
 */
public record OutboxEntry(long id, long mailboxId, long ticketId, long articleId, String messageId,
                          String inReplyTo, String referenceIds, String toAddress, String subject, String body,
                          String state, int attempts, String lastError, Instant nextAttemptAt, Instant createdAt,
                          Instant sentAt) {

    static final String PENDING = "PENDING";
    static final String SENT = "SENT";

    /** An administrator may make a waiting or failed reply due now. */
    public boolean retryable() {
        return !SENT.equals(state);
    }
}
