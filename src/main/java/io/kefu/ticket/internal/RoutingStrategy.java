package io.kefu.ticket.internal;

/** How a skill group shares the tickets dispatched to it. */
public enum RoutingStrategy {
    /** Members take turns. */
    ROUND_ROBIN,
    /** The member with the fewest open tickets gets the next one. */
    LEAST_OPEN
}
