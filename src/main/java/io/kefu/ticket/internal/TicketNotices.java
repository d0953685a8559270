package io.kefu.ticket.internal;

import org.springframework.stereotype.Component;

/** Tells people what happened to tickets (interim: wired to the notification module when it lands). */
@Component
class TicketNotices {

    void assigned(Ticket ticket, long actorId) {
    }

    void dispatched(Ticket ticket, long actorId) {
    }

    void dispatchReturned(Ticket ticket, long dispatcherId, String reason) {
    }

    void slaAlarm(Ticket ticket, boolean breached) {
    }
}
