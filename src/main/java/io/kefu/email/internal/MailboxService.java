package io.kefu.email.internal;

import java.util.List;

import io.kefu.audit.AuditLog;
import io.kefu.platform.DomainException;
import io.kefu.platform.Text;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Administrators' mailboxes: set up, changed, switched on and off, each change audited. */
@Service
public class MailboxService {

    static final String NOT_FOUND = "mailbox";

    private final MailboxStore store;
    private final AuditLog audit;

    MailboxService(MailboxStore store, AuditLog audit) {
        this.store = store;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public List<Mailbox> all() {
        return store.all();
    }

    @Transactional(readOnly = true)
    public Mailbox get(long id) {
        return store.find(id).orElseThrow(() -> DomainException.notFound(NOT_FOUND, id));
    }

    @Transactional
    public Mailbox create(MailboxDraft draft) {
        MailboxDraft clean = checked(draft, null);
        long id = store.insert(clean);
        audit.record("mailbox.created", "mailbox", id, clean.address());
        return get(id);
    }

    @Transactional
    public Mailbox update(long id, MailboxDraft draft) {
        get(id);
        MailboxDraft clean = checked(draft, id);
        store.update(id, clean);
        audit.record("mailbox.updated", "mailbox", id, clean.address());
        return get(id);
    }

    @Transactional
    public Mailbox setEnabled(long id, boolean enabled) {
        get(id);
        store.setEnabled(id, enabled);
        audit.record(enabled ? "mailbox.enabled" : "mailbox.disabled", "mailbox", id, null);
        return get(id);
    }

    /** The draft with blanks as nulls, or a refusal naming the field that is wrong. */
    private MailboxDraft checked(MailboxDraft d, Long id) {
        String name = Text.blankToNull(d.name());
        if (name == null || name.length() > 100) {
            throw DomainException.onField(HttpStatus.UNPROCESSABLE_ENTITY, "name", "email.mailbox.nameRequired");
        }
        String address = address(d.address());
        store.idByAddress(address).filter(other -> !other.equals(id)).ifPresent(other -> {
            throw DomainException.onField(HttpStatus.CONFLICT, "address", "email.mailbox.addressTaken", address);
        });
        String imapHost = Text.blankToNull(d.imapHost());
        String smtpHost = Text.blankToNull(d.smtpHost());
        if (imapHost != null && Text.blankToNull(d.imapUsername()) == null) {
            throw DomainException.onField(HttpStatus.UNPROCESSABLE_ENTITY, "imapUsername",
                    "email.mailbox.usernameRequired");
        }
        port(d.imapPort(), "imapPort");
        port(d.smtpPort(), "smtpPort");
        if (d.pollSeconds() < 10 || d.pollSeconds() > 86400) {
            throw DomainException.onField(HttpStatus.UNPROCESSABLE_ENTITY, "pollSeconds",
                    "email.mailbox.pollSecondsRange", 10, 86400);
        }
        String folder = Text.blankToNull(d.imapFolder());
        return new MailboxDraft(name, address, Text.truncate(Text.blankToNull(d.displayName()), 100), imapHost,
                d.imapPort(), d.imapTls(), Text.blankToNull(d.imapUsername()), blankToNull(d.imapPassword()),
                folder == null ? "INBOX" : folder, smtpHost, d.smtpPort(), d.smtpTls(),
                Text.blankToNull(d.smtpUsername()), blankToNull(d.smtpPassword()), d.pollSeconds(),
                Text.blankToNull(d.signatureTemplate()), d.enabled());
    }

    private static String address(String value) {
        String address = Text.blankToNull(value);
        try {
            if (address == null) {
                throw new AddressException();
            }
            InternetAddress parsed = new InternetAddress(address, true);
            return parsed.getAddress().toLowerCase(java.util.Locale.ROOT);
        } catch (AddressException e) {
            throw DomainException.onField(HttpStatus.UNPROCESSABLE_ENTITY, "address", "email.mailbox.addressInvalid");
        }
    }

    private static void port(Integer port, String field) {
        if (port != null && (port < 1 || port > 65535)) {
            throw DomainException.onField(HttpStatus.UNPROCESSABLE_ENTITY, field, "email.mailbox.portRange");
        }
    }

    /** Passwords are kept as typed (spaces may belong to them); empty means "keep the stored one". */
    private static String blankToNull(String password) {
        return password == null || password.isEmpty() ? null : password;
    }
}
