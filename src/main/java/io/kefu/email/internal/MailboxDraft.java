package io.kefu.email.internal;

/**
 * A mailbox as an administrator sets it up. A blank password keeps the one stored.
 *
 * @param imapHost null for a mailbox fed only by an MTA pipe ({@code POST /api/v1/mailboxes/{id}/inbound})
 * @param smtpHost null to send replies through the application's SMTP server
 */
public record MailboxDraft(String name, String address, String displayName, String imapHost, Integer imapPort,
                           boolean imapTls, String imapUsername, String imapPassword, String imapFolder,
                           String smtpHost, Integer smtpPort, boolean smtpTls, String smtpUsername,
                           String smtpPassword, int pollSeconds, String signatureTemplate, boolean enabled) {
}
