package io.kefu.ticket.internal;

import io.kefu.sla.SlaBreached;
import io.kefu.sla.SlaWarningReached;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The SLA module's warnings and breaches, handled after their transaction commits. The event publication registry
 * keeps them until handled, so an alarm raised just before a crash is handled after the restart.
 */
@Component
class SlaAlarmListener {

    private final TicketService tickets;

    SlaAlarmListener(TicketService tickets) {
        this.tickets = tickets;
    }

    @ApplicationModuleListener
    void on(SlaWarningReached warning) {
        tickets.slaAlarm(warning.ticketId(), warning.metric(), false, warning.dueAt());
    }

    @ApplicationModuleListener
    void on(SlaBreached breach) {
        tickets.slaAlarm(breach.ticketId(), breach.metric(), true, breach.dueAt());
    }
}
