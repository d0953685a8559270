package io.kefu.ticket.internal;

/** The standing views of the ticket list. All but ALL show open tickets only. */
public enum TicketQueue {
    /** Assigned to me. */
    MINE,
    /** I am the accountable owner (首问负责制). */
    OWNED,
    /** In one of my skill groups. */
    MY_GROUPS,
    /** Nobody has it yet. */
    UNASSIGNED,
    /** An SLA warning has fired, or a deadline falls within the hour. */
    ABOUT_TO_BREACH,
    BREACHED,
    /** Dispatched to me, my skill groups or my department and not yet accepted or returned. */
    WAITING_ON_ME,
    OPEN,
    ALL
}
