package io.kefu.notification.internal;

import java.util.List;

import io.kefu.audit.AuditLog;
import io.kefu.notification.NotificationChannel;
import io.kefu.platform.DomainException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What administrators see of the outbox, and their "retry now". */
@Service
public class Outbox {

    private final OutboxRepository repository;
    private final NotificationService notifications;
    private final MailDelivery mail;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    Outbox(OutboxRepository repository, NotificationService notifications, MailDelivery mail, AuditLog audit,
           ApplicationEventPublisher events) {
        this.repository = repository;
        this.notifications = notifications;
        this.mail = mail;
        this.audit = audit;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public List<OutboxEntry> search(OutboxQuery query) {
        return repository.search(query);
    }

    /**
     * Makes a PENDING or FAILED notification due now with a fresh budget of attempts (audited). A staff recipient's
     * address is looked up again, so a notification that failed for want of one goes out once she has one.
     */
    @Transactional
    public OutboxEntry retry(long id) {
        OutboxEntry entry = repository.lock(id).orElseThrow(() -> DomainException.notFound("notification", id));
        if (!entry.retryable()) {
            throw new DomainException(HttpStatus.CONFLICT, "notification.retry.notRetryable", id,
                    entry.state().name());
        }
        String address = entry.address() != null ? entry.address()
                : notifications.addressOf(entry.channel(), entry.recipientStaffId(), null);
        if (address == null) {
            throw new DomainException(HttpStatus.UNPROCESSABLE_CONTENT, "notification.retry.noAddress", id);
        }
        String lastError = entry.channel() == NotificationChannel.EMAIL && !mail.configured()
                ? MailDelivery.NOT_CONFIGURED : entry.lastError();
        repository.requeue(id, address, lastError);
        audit.record("notification.retry", "notification", id, entry.channel() + " " + entry.state()
                + ", attempts " + entry.attempts() + (entry.lastError() == null ? "" : ", " + entry.lastError()));
        events.publishEvent(new NotificationQueued(id));
        return repository.lock(id).orElseThrow();
    }
}
