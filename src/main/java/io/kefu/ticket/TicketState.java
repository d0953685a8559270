package io.kefu.ticket;

import java.util.EnumSet;
import java.util.Set;

/** Where a ticket is in its life. Which actions lead from one state to another is decided by {@link TicketAction}. */
public enum TicketState {
    NEW, ASSIGNED, IN_PROGRESS, WAITING_ON_CUSTOMER, WAITING_ON_THIRD_PARTY, RESOLVED, CLOSED;

    public static Set<TicketState> openStates() {
        return EnumSet.complementOf(EnumSet.of(RESOLVED, CLOSED));
    }

    public boolean isOpen() {
        return this != RESOLVED && this != CLOSED;
    }

    /** Waiting on the customer stops the SLA clocks; waiting on a third party does not (the company answers for it). */
    public boolean pausesSla() {
        return this == WAITING_ON_CUSTOMER;
    }

    /** The state after the ticket is given to someone: a waiting ticket keeps waiting, others await the assignee. */
    public TicketState afterAssignment() {
        return this == NEW || this == IN_PROGRESS ? ASSIGNED : this;
    }
}
