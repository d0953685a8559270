package io.kefu.ticket.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.kefu.sla.SlaClockState;
import io.kefu.sla.SlaClocks;
import io.kefu.sla.SlaCriteria;
import io.kefu.sla.SlaMetric;
import io.kefu.sla.SlaStatus;
import io.kefu.ticket.TicketState;
import org.springframework.stereotype.Component;

/**
 * Keeps a ticket's SLA clocks in step with its life: started when it opens, first response met by the first public
 * reply, paused while waiting on the customer, resolution met when resolved and running again when reopened. The
 * ticket keeps a copy of the standing and the next deadline for its queues.
 */
@Component
public class TicketSla {

    private final SlaClocks clocks;
    private final TicketRepository tickets;
    private final Clock clock;

    TicketSla(SlaClocks clocks, TicketRepository tickets, Clock clock) {
        this.clocks = clocks;
        this.tickets = tickets;
        this.clock = clock;
    }

    /** Before the ticket is first written: its copy of the deadlines goes into that write. */
    SlaSummary start(Ticket ticket, String customerTier) {
        Optional<SlaStatus> status = clocks.start(ticket.getId(), new SlaCriteria(ticket.getTypeCode(),
                ticket.getPriority().name(), customerTier, ticket.getChannel().name()), ticket.getCreatedAt());
        copy(ticket, status);
        return summary(status);
    }

    void firstResponse(Ticket ticket, Instant at) {
        copy(ticket, clocks.met(ticket.getId(), SlaMetric.FIRST_RESPONSE, at));
    }

    void stateChanged(Ticket ticket, TicketState from, Instant at) {
        TicketState to = ticket.getState();
        if (to == TicketState.RESOLVED) {
            copy(ticket, clocks.met(ticket.getId(), SlaMetric.RESOLUTION, at));
        } else if (!from.isOpen() && to.isOpen()) {
            copy(ticket, clocks.reopen(ticket.getId(), at));
        } else if (!from.pausesSla() && to.pausesSla()) {
            copy(ticket, clocks.pause(ticket.getId(), at));
        } else if (from.pausesSla() && !to.pausesSla()) {
            copy(ticket, clocks.resume(ticket.getId(), at));
        }
    }

    /** After a clock's warning or breach: the ticket's copy is updated without touching its version. */
    void refreshStored(long ticketId) {
        Optional<SlaStatus> status = clocks.statusOf(ticketId);
        tickets.updateSla(ticketId, status.flatMap(SlaStatus::nextDue).orElse(null), flagOf(status));
    }

    public SlaSummary summaryOf(Ticket ticket) {
        return summary(clocks.statusOf(ticket.getId()));
    }

    /** The summaries of a page of tickets, their clocks read in one query. */
    public Map<Long, SlaSummary> summariesOf(Collection<Ticket> page) {
        Map<Long, SlaStatus> statuses = clocks.statusOf(page.stream().map(Ticket::getId).toList());
        Map<Long, SlaSummary> summaries = new HashMap<>();
        page.forEach(t -> summaries.put(t.getId(), summary(Optional.ofNullable(statuses.get(t.getId())))));
        return summaries;
    }

    private SlaSummary summary(Optional<SlaStatus> status) {
        List<SlaSummary.Clock> clocksShown = status.map(s -> s.deadlines().stream()
                .map(d -> new SlaSummary.Clock(d.metric().name(), d.state().name(), d.dueAt(), d.remaining(),
                        d.metAt()))
                .toList()).orElse(List.of());
        return new SlaSummary(flagOf(status), status.flatMap(SlaStatus::nextDue).orElse(null),
                status.map(SlaStatus::policyName).orElse(null), clocksShown);
    }

    private void copy(Ticket ticket, Optional<SlaStatus> status) {
        if (status.isPresent()) {
            ticket.slaChanged(status.get().nextDue().orElse(null), flagOf(status));
        }
    }

    private SlaFlag flagOf(Optional<SlaStatus> status) {
        if (status.isEmpty()) {
            return SlaFlag.NONE;
        }
        Instant now = clock.instant();
        var deadlines = status.get().deadlines();
        if (deadlines.stream().anyMatch(d -> d.state() == SlaClockState.BREACHED)) {
            return SlaFlag.BREACHED;
        }
        boolean warned = deadlines.stream().anyMatch(d -> d.state() == SlaClockState.RUNNING && d.warnAt() != null
                && !d.warnAt().isAfter(now));
        return warned ? SlaFlag.WARNING : SlaFlag.ON_TIME;
    }
}
