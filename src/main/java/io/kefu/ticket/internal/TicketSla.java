package io.kefu.ticket.internal;

import java.time.Instant;
import java.util.List;

import io.kefu.ticket.TicketState;
import org.springframework.stereotype.Component;

/** Keeps a ticket's SLA clocks in step with its life (interim: wired to the sla module when it lands). */
@Component
public class TicketSla {

    void start(Ticket ticket, String customerTier) {
    }

    void firstResponse(Ticket ticket, Instant at) {
    }

    void stateChanged(Ticket ticket, TicketState from, Instant at) {
    }

    void refresh(Ticket ticket) {
    }

    public SlaSummary summaryOf(Ticket ticket) {
        return new SlaSummary(ticket.getSlaFlag(), ticket.getNextDueAt(), null, List.of());
    }
}
