package io.kefu.email.web;

import io.kefu.email.internal.Mailbox;
import io.kefu.email.internal.MailboxDraft;
import jakarta.validation.constraints.Size;

/**
 * A mailbox as the API takes it. Passwords are write-only: left out (or empty) on an update, the stored one is kept.
 * Defaults: IMAPS on, folder INBOX, poll every 60 s, enabled.
 */
record MailboxRequest(@Size(max = 100) String name, @Size(max = 320) String address,
                      @Size(max = 100) String displayName, @Size(max = 255) String imapHost, Integer imapPort,
                      Boolean imapTls, @Size(max = 320) String imapUsername, @Size(max = 500) String imapPassword,
                      @Size(max = 200) String imapFolder, @Size(max = 255) String smtpHost, Integer smtpPort,
                      Boolean smtpTls, @Size(max = 320) String smtpUsername, @Size(max = 500) String smtpPassword,
                      Integer pollSeconds, @Size(max = 2000) String signatureTemplate, Boolean enabled) {

    MailboxDraft draft() {
        return new MailboxDraft(name, address, displayName, imapHost, imapPort, !Boolean.FALSE.equals(imapTls),
                imapUsername, imapPassword, imapFolder, smtpHost, smtpPort, Boolean.TRUE.equals(smtpTls),
                smtpUsername, smtpPassword, pollSeconds == null ? 60 : pollSeconds, signatureTemplate,
                !Boolean.FALSE.equals(enabled));
    }

    /** A mailbox as the API shows it: never its passwords, only whether they are set. */
    record View(long id, String name, String address, String displayName, String imapHost, Integer imapPort,
                boolean imapTls, String imapUsername, boolean imapPasswordSet, String imapFolder, String smtpHost,
                Integer smtpPort, boolean smtpTls, String smtpUsername, boolean smtpPasswordSet, int pollSeconds,
                String signatureTemplate, boolean enabled, long lastUid, java.time.Instant lastPolledAt,
                String lastPollError, int failedPolls, java.time.Instant nextPollAt) {

        static View of(Mailbox m) {
            return new View(m.id(), m.name(), m.address(), m.displayName(), m.imapHost(), m.imapPort(), m.imapTls(),
                    m.imapUsername(), m.hasImapPassword(), m.imapFolder(), m.smtpHost(), m.smtpPort(), m.smtpTls(),
                    m.smtpUsername(), m.hasSmtpPassword(), m.pollSeconds(), m.signatureTemplate(), m.enabled(),
                    m.lastUid(), m.lastPolledAt(), m.lastPollError(), m.failedPolls(), m.nextPollAt());
        }
    }
}
