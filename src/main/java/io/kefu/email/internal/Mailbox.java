package io.kefu.email.internal;

import java.time.Instant;

/**
 * A mailbox of the email channel. Passwords are never shown back: {@link #hasImapPassword()} and
 * {@link #hasSmtpPassword()} say whether one is set.
 *
 * @param address     the address customers write to and replies come from
 * @param smtpHost    the mailbox's own SMTP server, or null for the application's ({@code spring.mail.*})
 * @param pollSeconds how often its IMAP folder is polled
 * @param failedPolls how many polls in a row have failed; each doubles the wait before the next, up to an hour
 * @param nextPollAt  when it is polled next
 * @param signatureTemplate the signature of agents who have none of their own; {@code {agent}} and
 *                          {@code {mailbox}} are replaced by the agent's and the mailbox's names
 */
public record Mailbox(long id, String name, String address, String displayName, String imapHost, Integer imapPort,
                      boolean imapTls, String imapUsername, String imapPassword, String imapFolder,
                      String smtpHost, Integer smtpPort, boolean smtpTls, String smtpUsername,
                      String smtpPassword, int pollSeconds, String signatureTemplate, boolean enabled,
                      Long uidValidity, long lastUid, Instant lastPolledAt, String lastPollError,
                      int failedPolls, Instant nextPollAt, Instant createdAt) {

    public boolean hasImapPassword() {
        return imapPassword != null && !imapPassword.isEmpty();
    }

    public boolean hasSmtpPassword() {
        return smtpPassword != null && !smtpPassword.isEmpty();
    }

    /** How replies name their sender: the display name, else the mailbox's name. */
    public String senderName() {
        return displayName == null ? name : displayName;
    }
}
