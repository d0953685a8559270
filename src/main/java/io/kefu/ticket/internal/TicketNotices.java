package io.kefu.ticket.internal;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

import io.kefu.identity.StaffDirectory;
import io.kefu.notification.NotificationChannel;
import io.kefu.notification.NotificationRequest;
import io.kefu.notification.Notifications;
import io.kefu.platform.web.Locales;
import io.kefu.sla.SlaMetric;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Tells people what happened to tickets, through the notification outbox (so a notice exists exactly when the
 * change committed): the assignee when a ticket is given to her, the receivers of a dispatch, the dispatcher when
 * it comes back, and before and at an SLA deadline the assignee, and on a breach her supervisors too.
 */
@Component
class TicketNotices {

    private final Notifications notifications;
    private final StaffDirectory staff;
    private final MessageSource messages;

    TicketNotices(Notifications notifications, StaffDirectory staff, MessageSource messages) {
        this.notifications = notifications;
        this.staff = staff;
        this.messages = messages;
    }

    void assigned(Ticket ticket, long actorId) {
        Long assignee = ticket.getAssigneeId();
        if (assignee != null && assignee != actorId) {
            tell(assignee, ticket, "assigned", "ticket.notice.assigned", null,
                    NotificationChannel.IN_APP, NotificationChannel.EMAIL);
        }
    }

    void dispatched(Ticket ticket, long actorId) {
        Set<Long> receivers = new LinkedHashSet<>();
        if (ticket.getAssigneeId() != null) {
            receivers.add(ticket.getAssigneeId());
        } else if (ticket.getSkillGroupId() != null) {
            receivers.addAll(staff.membersOf(ticket.getSkillGroupId()));
        }
        receivers.remove(actorId);
        receivers.forEach(id -> tell(id, ticket, "dispatched", "ticket.notice.dispatched", null,
                NotificationChannel.IN_APP));
    }

    void dispatchReturned(Ticket ticket, long dispatcherId, String reason) {
        tell(dispatcherId, ticket, "returned", "ticket.notice.returned", reason, NotificationChannel.IN_APP);
    }

    /** A warning goes to whoever handles the ticket; a breach also escalates to the supervisors nearest to it. */
    void slaAlarm(Ticket ticket, SlaMetric metric, boolean breached, Instant dueAt) {
        String event = (breached ? "breached:" : "warning:") + metric + ":" + dueAt;
        String key = breached ? "ticket.notice.breached." + metric : "ticket.notice.warning." + metric;
        Long handler = ticket.getAssigneeId() != null ? ticket.getAssigneeId() : ticket.getOwnerId();
        if (handler != null) {
            tell(handler, ticket, event, key, null, NotificationChannel.IN_APP, NotificationChannel.EMAIL);
        }
        if (breached) {
            staff.withRoleNear("SUPERVISOR", ticket.getDepartmentId()).forEach(supervisor -> tell(supervisor,
                    ticket, event, key, null, NotificationChannel.IN_APP, NotificationChannel.EMAIL,
                    NotificationChannel.SMS));
        }
    }

    private void tell(long staffId, Ticket ticket, String event, String messageKey, String detail,
                      NotificationChannel... channels) {
        String subject = messages.getMessage(messageKey, new Object[] {ticket.number(), ticket.getSubject()},
                Locales.DEFAULT);
        String body = detail == null ? subject : subject + "\n" + detail;
        for (NotificationChannel channel : channels) {
            notifications.send(NotificationRequest.toStaff(channel, staffId, subject, body,
                    "/tickets/" + ticket.getId(),
                    "ticket:" + ticket.getId() + ":" + ticket.getVersion() + ":" + event + ":" + channel + ":" + staffId));
        }
    }
}
