package io.kefu.email.internal;

import java.time.Instant;
import java.util.List;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerClient.ScheduleOptions;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import io.kefu.audit.AuditLog;
import io.kefu.email.EmailInbox.Received;
import io.kefu.email.MailKind;
import io.kefu.platform.DomainException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** What administrators see of a mailbox's traffic: the inbound mail log and the replies sent, and their retries. */
@Service
public class MailLog {

    static final String MESSAGE = "emailMessage";
    static final String REPLY = "emailReply";

    private final MessageStore messages;
    private final OutboxStore outbox;
    private final InboundMail inbound;
    private final SchedulerClient scheduler;
    private final AuditLog audit;
    private final TransactionTemplate transaction;

    MailLog(MessageStore messages, OutboxStore outbox, InboundMail inbound, SchedulerClient scheduler,
            AuditLog audit, TransactionTemplate transaction) {
        this.transaction = transaction;
        this.messages = messages;
        this.outbox = outbox;
        this.inbound = inbound;
        this.scheduler = scheduler;
        this.audit = audit;
    }

    /** Newest first; {@code kind} null for every kind. */
    @Transactional(readOnly = true)
    public List<MessageEntry> messages(long mailboxId, MailKind kind, Long beforeId, int limit) {
        return messages.log(mailboxId, kind, beforeId, Math.max(1, Math.min(limit, 200)));
    }

    @Transactional(readOnly = true)
    public MessageEntry message(long mailboxId, long id) {
        return messages.find(mailboxId, id).orElseThrow(() -> DomainException.notFound(MESSAGE, id));
    }

    /** The message exactly as it was received, for download as .eml. */
    @Transactional(readOnly = true)
    public byte[] raw(long mailboxId, long id) {
        return messages.raw(mailboxId, id).orElseThrow(() -> DomainException.notFound(MESSAGE, id));
    }

    /** Reads a FAILED message again; 409 when it is not FAILED (any more). */
    public Received retry(long mailboxId, long id) {
        if (message(mailboxId, id).kind() != MailKind.FAILED) {
            throw new DomainException(HttpStatus.CONFLICT, "email.log.notFailed");
        }
        Received received = inbound.retry(mailboxId, id);
        transaction.executeWithoutResult(status -> audit.record("email.messageRetried", MESSAGE, id,
                received.kind().name()));
        return received;
    }

    @Transactional(readOnly = true)
    public List<OutboxEntry> replies(long mailboxId, int limit) {
        return outbox.ofMailbox(mailboxId, Math.max(1, Math.min(limit, 200)));
    }

    /** Makes a waiting or failed reply due now. */
    @Transactional
    public OutboxEntry retryReply(long mailboxId, long id) {
        OutboxEntry entry = outbox.find(id).filter(e -> e.mailboxId() == mailboxId)
                .orElseThrow(() -> DomainException.notFound(REPLY, id));
        if (!entry.retryable()) {
            throw new DomainException(HttpStatus.CONFLICT, "email.outbox.alreadySent");
        }
        outbox.requeue(id);
        scheduler.schedule(new TaskInstance<Void>(ReplyMail.SEND_TASK, Long.toString(id)), Instant.now(),
                ScheduleOptions.WHEN_EXISTS_RESCHEDULE);
        audit.record("email.replyRetried", REPLY, id, entry.state());
        return outbox.find(id).orElseThrow();
    }

}
