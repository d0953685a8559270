package io.kefu.email.internal;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.kefu.customer.CustomerDirectory;
import io.kefu.customer.CustomerIdentity;
import io.kefu.customer.IdentityKind;
import io.kefu.email.EmailInbox.Received;
import io.kefu.email.MailKind;
import io.kefu.identity.StaffPrincipal;
import io.kefu.platform.DomainException;
import io.kefu.ticket.CustomerMessage;
import io.kefu.ticket.TicketChannel;
import io.kefu.ticket.TicketInbox;
import io.kefu.ticket.TicketSummary;
import jakarta.mail.MessagingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns a raw inbound message into what it is: a customer's mail threaded onto its ticket (or opening one), or an
 * automatic message logged and left alone. The message is stored in the same transaction as its ticket message, so
 * a message fetched twice is stored once. Whatever goes wrong, the message is kept: a second transaction stores it
 * raw as FAILED with the reason, for an administrator to download or retry.
 */
@Service
class InboundMail {

    private static final Logger log = LoggerFactory.getLogger(InboundMail.class);
    private static final Pattern TICKET_TAG = Pattern.compile("\\[#(\\d{1,18})]");
    private static final StaffPrincipal SYSTEM = StaffPrincipal.system("email");

    private final MailboxStore mailboxes;
    private final MessageStore messages;
    private final CustomerDirectory customers;
    private final TicketInbox tickets;
    private final TransactionTemplate transaction;

    InboundMail(MailboxStore mailboxes, MessageStore messages, CustomerDirectory customers, TicketInbox tickets,
                TransactionTemplate transaction) {
        this.mailboxes = mailboxes;
        this.messages = messages;
        this.customers = customers;
        this.tickets = tickets;
        this.transaction = transaction;
    }

    Received receive(long mailboxId, byte[] raw) {
        mailboxes.find(mailboxId).orElseThrow(() -> DomainException.notFound(MailboxService.NOT_FOUND, mailboxId));
        String key = MessageKeys.of(raw);
        try {
            return transaction.execute(status -> messages.insert(mailboxId, key, raw)
                    .map(id -> handle(id, raw))
                    .orElseGet(() -> duplicate(mailboxId, key)));
        } catch (RuntimeException e) {
            return keepFailed(mailboxId, key, raw, e);
        }
    }

    /** An administrator's second try at a FAILED message (after a fix, or when the cause was passing). */
    Received retry(long mailboxId, long messageId) {
        try {
            return transaction.execute(status -> {
                byte[] raw = messages.lockFailed(mailboxId, messageId).orElseThrow(
                        () -> new DomainException(HttpStatus.CONFLICT, "email.log.notFailed"));
                return handle(messageId, raw);
            });
        } catch (DomainException e) {
            throw e;
        } catch (RuntimeException e) {
            transaction.executeWithoutResult(status -> messages.failed(messageId, reason(e)));
            return new Received(messageId, MailKind.FAILED, null, false);
        }
    }

    private Received handle(long rowId, byte[] raw) {
        ParsedMail mail;
        try {
            mail = MailParser.parse(raw, new HashSet<>(mailboxes.addresses()));
        } catch (MessagingException | IOException | RuntimeException e) {
            messages.classify(rowId, null, MailKind.FAILED, null, reason(e));
            return new Received(rowId, MailKind.FAILED, null, false);
        }
        if (mail.kind() != MailKind.TICKET) {
            // Never a ticket, never answered; linked to the ticket it answers, for the log.
            Long answered = messages.ticketOf(mail.threadIds()).orElse(null);
            messages.classify(rowId, mail, mail.kind(), answered, null);
            return new Received(rowId, mail.kind(), answered, false);
        }
        if (mail.fromAddress() == null) {
            messages.classify(rowId, mail, MailKind.FAILED, null, "no sender address");
            return new Received(rowId, MailKind.FAILED, null, false);
        }
        long customerId = customers.resolveOrCreate(nameOf(mail),
                List.of(new CustomerIdentity(IdentityKind.EMAIL, mail.fromAddress())), SYSTEM).id();
        Long thread = threadOf(mail, customerId).orElse(null);
        String text = mail.text() == null ? "" : mail.text();
        if (text.isBlank() && mail.html() == null && mail.files().isEmpty()) {
            // A mail with nothing but a subject still reaches the agent.
            text = mail.subject() == null ? "-" : mail.subject();
        }
        TicketInbox.Delivery delivery = tickets.receive(new CustomerMessage(customerId, TicketChannel.EMAIL, thread,
                mail.subject(), text, mail.html(), mail.quoted(), mail.fromName(), mail.files()));
        messages.classify(rowId, mail, MailKind.TICKET, delivery.ticketId(), null);
        return new Received(rowId, MailKind.TICKET, delivery.ticketId(), false);
    }

    /**
     * The ticket a reply answers: by the Message-IDs it refers to, else by the ticket number our subjects carry,
     * which counts only when the ticket is the sender's own (a number is easy to type, a Message-ID is not).
     */
    private Optional<Long> threadOf(ParsedMail mail, long customerId) {
        Optional<Long> byHeaders = messages.ticketOf(mail.threadIds());
        if (byHeaders.isPresent() || mail.subject() == null) {
            return byHeaders;
        }
        Matcher tag = TICKET_TAG.matcher(mail.subject());
        Optional<Long> bySubject = Optional.empty();
        while (tag.find() && bySubject.isEmpty()) {
            bySubject = tickets.find(Long.parseLong(tag.group(1)))
                    .filter(ticket -> ticket.customerId() == customerId).map(TicketSummary::id);
        }
        return bySubject;
    }

    private static String nameOf(ParsedMail mail) {
        if (mail.fromName() != null) {
            return mail.fromName();
        }
        String address = mail.fromAddress();
        return address.substring(0, Math.max(1, address.indexOf('@')));
    }

    private Received duplicate(long mailboxId, String key) {
        long id = messages.idByKey(mailboxId, key).orElseThrow();
        MessageEntry earlier = messages.find(mailboxId, id).orElseThrow();
        return new Received(id, earlier.kind(), earlier.ticketId(), true);
    }

    private Received keepFailed(long mailboxId, String key, byte[] raw, RuntimeException cause) {
        log.warn("Email for mailbox {} ({}) could not be processed: {}", mailboxId, key, cause.toString());
        return transaction.execute(status -> messages.insert(mailboxId, key, raw)
                .map(id -> {
                    messages.failed(id, reason(cause));
                    return new Received(id, MailKind.FAILED, null, false);
                })
                .orElseGet(() -> duplicate(mailboxId, key)));
    }

    static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = e instanceof DomainException domain ? domain.messageKey() : e.getMessage();
        String outer = e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
        return root == e ? outer : outer + " (" + root + ")";
    }
}
