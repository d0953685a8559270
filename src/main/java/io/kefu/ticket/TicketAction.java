package io.kefu.ticket;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What a person may do to a ticket's state, and the one place that says from which states each action leads where.
 * The server refuses anything else; the UI offers exactly {@link #allowedFrom(TicketState)} as buttons.
 */
public enum TicketAction {
    /** Take the ticket (if nobody has it) and start working on it. */
    START(TicketState.IN_PROGRESS, TicketState.NEW, TicketState.ASSIGNED),
    WAIT_ON_CUSTOMER(TicketState.WAITING_ON_CUSTOMER, TicketState.IN_PROGRESS, TicketState.WAITING_ON_THIRD_PARTY),
    WAIT_ON_THIRD_PARTY(TicketState.WAITING_ON_THIRD_PARTY, TicketState.IN_PROGRESS, TicketState.WAITING_ON_CUSTOMER),
    RESUME(TicketState.IN_PROGRESS, TicketState.WAITING_ON_CUSTOMER, TicketState.WAITING_ON_THIRD_PARTY),
    RESOLVE(TicketState.RESOLVED, TicketState.IN_PROGRESS, TicketState.WAITING_ON_CUSTOMER,
            TicketState.WAITING_ON_THIRD_PARTY),
    CLOSE(TicketState.CLOSED, TicketState.RESOLVED),
    REOPEN(TicketState.IN_PROGRESS, TicketState.RESOLVED, TicketState.CLOSED);

    private final TicketState target;
    private final Set<TicketState> sources;

    TicketAction(TicketState target, TicketState first, TicketState... more) {
        this.target = target;
        this.sources = EnumSet.of(first, more);
    }

    public TicketState target() {
        return target;
    }

    public boolean isAllowedFrom(TicketState state) {
        return sources.contains(state);
    }

    public static List<TicketAction> allowedFrom(TicketState state) {
        return Arrays.stream(values()).filter(a -> a.isAllowedFrom(state)).toList();
    }
}
