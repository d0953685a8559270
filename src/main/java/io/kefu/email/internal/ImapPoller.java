package io.kefu.email.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Properties;

import io.kefu.platform.DomainException;
import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Reads a mailbox's new messages from its IMAP folder by UID: the folder is opened read-only and bodies are fetched
 * with PEEK, so nothing is marked \Seen or moved and people may keep using the mailbox; what is new is what has a
 * UID above the last one read (under the same UIDVALIDITY). The position advances after each stored message, so a
 * poll cut short resumes where it stopped, and a message read twice is stored once anyway.
 */
@Component
class ImapPoller {

    private static final Logger log = LoggerFactory.getLogger(ImapPoller.class);

    private final MailboxStore mailboxes;
    private final InboundMail inbound;
    private final EmailProperties properties;

    ImapPoller(MailboxStore mailboxes, InboundMail inbound, EmailProperties properties) {
        this.mailboxes = mailboxes;
        this.inbound = inbound;
        this.properties = properties;
    }

    /** Polls the mailbox now; the number of new messages, or a 502 naming what the server said. */
    int poll(long mailboxId) {
        Mailbox mailbox = mailboxes.find(mailboxId)
                .orElseThrow(() -> DomainException.notFound(MailboxService.NOT_FOUND, mailboxId));
        if (mailbox.imapHost() == null) {
            throw new DomainException(HttpStatus.CONFLICT, "email.mailbox.notPolled");
        }
        try {
            int count = fetch(mailbox);
            mailboxes.polled(mailboxId, null);
            return count;
        } catch (MessagingException | IOException | RuntimeException e) {
            String reason = InboundMail.reason(e);
            MailboxStore.Failures failures = mailboxes.polled(mailboxId, reason);
            log.warn("Polling mailbox {} ({}) failed, {} time(s) in a row; next attempt at {}: {}", mailboxId,
                    mailbox.address(), failures.inARow(), failures.nextPollAt(), reason);
            throw new DomainException(HttpStatus.BAD_GATEWAY, "email.mailbox.pollFailed", reason);
        }
    }

    /** The mailboxes whose poll interval has come round, one after the other; one failing stops none. */
    void pollDue() {
        for (long id : mailboxes.duePolls()) {
            try {
                poll(id);
            } catch (DomainException e) {
                // Recorded on the mailbox and logged; the next mailbox goes on.
            }
        }
    }

    private int fetch(Mailbox mailbox) throws MessagingException, IOException {
        String protocol = mailbox.imapTls() ? "imaps" : "imap";
        Session session = Session.getInstance(sessionProperties(protocol));
        try (Store store = session.getStore(protocol)) {
            store.connect(mailbox.imapHost(), mailbox.imapPort() == null ? -1 : mailbox.imapPort(),
                    mailbox.imapUsername(), mailbox.imapPassword());
            Folder folder = store.getFolder(mailbox.imapFolder());
            folder.open(Folder.READ_ONLY);
            try {
                return fetchNew(mailbox, folder, (UIDFolder) folder);
            } finally {
                folder.close(false);
            }
        }
    }

    private int fetchNew(Mailbox mailbox, Folder folder, UIDFolder uids) throws MessagingException, IOException {
        long validity = uids.getUIDValidity();
        long last = mailbox.uidValidity() != null && mailbox.uidValidity() == validity ? mailbox.lastUid() : 0;
        Message[] messages = uids.getMessagesByUID(last + 1, UIDFolder.LASTUID);
        // One FETCH of the UIDs and whole messages (BODY.PEEK[]) per batch, not one round trip per message.
        FetchProfile profile = new FetchProfile();
        profile.add(UIDFolder.FetchProfileItem.UID);
        profile.add(IMAPFolder.FetchProfileItem.MESSAGE);
        int count = 0;
        for (int start = 0; start < messages.length; start += properties.batchSize()) {
            Message[] batch = Arrays.copyOfRange(messages, start,
                    Math.min(messages.length, start + properties.batchSize()));
            folder.fetch(batch, profile);
            for (Message message : batch) {
                long uid = uids.getUID(message);
                // "n:*" always includes the newest message, even when its UID is below n.
                if (uid <= last) {
                    continue;
                }
                ByteArrayOutputStream raw = new ByteArrayOutputStream();
                message.writeTo(raw);
                if (!inbound.receive(mailbox.id(), raw.toByteArray()).duplicate()) {
                    count++;
                }
                mailboxes.advance(mailbox.id(), validity, uid);
            }
        }
        if (messages.length == 0) {
            mailboxes.advance(mailbox.id(), validity, last);
        }
        return count;
    }

    private Properties sessionProperties(String protocol) {
        Properties session = new Properties();
        String timeout = Long.toString(properties.connectTimeout().toMillis());
        session.setProperty("mail." + protocol + ".connectiontimeout", timeout);
        session.setProperty("mail." + protocol + ".timeout", timeout);
        session.setProperty("mail." + protocol + ".writetimeout", timeout);
        session.setProperty("mail." + protocol + ".peek", "true");
        session.setProperty("mail." + protocol + ".partialfetch", "false");
        session.setProperty("mail." + protocol + ".ssl.checkserveridentity", "true");
        return session;
    }
}
