package io.kefu.ticket.internal;

/** The ticket's copy of its SLA standing, for queues: no clocks, on time, warned, breached. */
public enum SlaFlag {
    NONE, ON_TIME, WARNING, BREACHED
}
