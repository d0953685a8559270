package io.kefu.email.internal;

import java.time.Instant;

import io.kefu.email.MailKind;

/**
 * A line of a mailbox's mail log: an inbound message as stored, without its raw bytes.
 *
 * @param messageKey its Message-ID, or "sha256:..." of its bytes when it had none
 * @param ticketId   the ticket it opened or joined, or (for an automatic message) the ticket it answers
 * @param error      why it failed
 */
public record MessageEntry(long id, long mailboxId, String messageKey, MailKind kind, Long ticketId,
                           String fromAddress, String fromName, String subject, String error, Instant receivedAt,
                           int size) {
}
