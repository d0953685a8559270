package io.kefu.notification.internal;

import java.util.List;
import java.util.Optional;

import io.kefu.identity.StaffDirectory;
import io.kefu.identity.StaffDirectory.StaffContact;
import io.kefu.notification.InAppNotification;
import io.kefu.notification.NotificationChannel;
import io.kefu.notification.NotificationRequest;
import io.kefu.notification.Notifications;
import io.kefu.platform.DomainException;
import io.kefu.platform.Text;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Writes notifications to the outbox in the caller's transaction, and serves staff members' inboxes. */
@Service
public class NotificationService implements Notifications {

    static final String NO_ADDRESS = "no address";
    static final int MAX_INBOX = 200;

    private final OutboxRepository outbox;
    private final StaffDirectory staff;
    private final MailDelivery mail;
    private final ApplicationEventPublisher events;

    NotificationService(OutboxRepository outbox, StaffDirectory staff, MailDelivery mail,
                        ApplicationEventPublisher events) {
        this.outbox = outbox;
        this.staff = staff;
        this.mail = mail;
        this.events = events;
    }

    @Override
    @Transactional
    public long send(NotificationRequest request) {
        String dedupKey = Text.blankToNull(request.dedupKey());
        if (dedupKey != null) {
            Optional<Long> earlier = outbox.idByDedupKey(dedupKey);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        String address = request.channel() == NotificationChannel.IN_APP ? null
                : addressOf(request.channel(), request.recipientStaffId(), Text.blankToNull(request.address()));
        DeliveryState state;
        String lastError = null;
        if (request.channel() == NotificationChannel.IN_APP) {
            state = DeliveryState.SENT;
        } else if (address == null) {
            state = DeliveryState.FAILED;
            lastError = NO_ADDRESS;
        } else {
            state = DeliveryState.PENDING;
            if (request.channel() == NotificationChannel.EMAIL && !mail.configured()) {
                lastError = MailDelivery.NOT_CONFIGURED;
            }
        }
        Optional<Long> id = outbox.insert(request.channel(), request.recipientStaffId(), address,
                Text.blankToNull(request.subject()), request.body(), Text.blankToNull(request.link()), dedupKey,
                state, lastError);
        if (id.isEmpty()) {
            // A concurrent request with the same key committed first.
            return outbox.idByDedupKey(dedupKey).orElseThrow();
        }
        if (state == DeliveryState.PENDING) {
            events.publishEvent(new NotificationQueued(id.get()));
        }
        return id.get();
    }

    /** The given address, or else the staff member's email or phone for the channel; null when there is none. */
    String addressOf(NotificationChannel channel, Long staffId, String address) {
        if (address != null || staffId == null) {
            return address;
        }
        Optional<StaffContact> contact = staff.contactOf(staffId);
        return contact.map(c -> Text.blankToNull(channel == NotificationChannel.SMS ? c.phone() : c.email()))
                .orElse(null);
    }

    @Override
    @Transactional(readOnly = true)
    public List<InAppNotification> inbox(long staffId, boolean unreadOnly, int limit) {
        return outbox.inbox(staffId, unreadOnly, Math.max(1, Math.min(limit, MAX_INBOX)));
    }

    @Override
    @Transactional(readOnly = true)
    public long unreadCount(long staffId) {
        return outbox.unreadCount(staffId);
    }

    @Override
    @Transactional
    public void markRead(long staffId, long notificationId) {
        if (!outbox.markRead(staffId, notificationId)) {
            throw DomainException.notFound("notification", notificationId);
        }
    }

    @Transactional
    public void markAllRead(long staffId) {
        outbox.markAllRead(staffId);
    }
}
