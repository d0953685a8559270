package io.kefu.sla.internal;

import java.util.Set;

import io.kefu.sla.SlaCriteria;

/** A stored SLA policy. */
public record PolicyRecord(long id, String name, boolean active, int rank, Set<String> ticketTypes,
                           Set<String> priorities, Set<String> customerTiers, Set<String> channels,
                           int firstResponseMinutes, int resolutionMinutes, int warnPercent, long calendarId) {

    /** Every criterion the policy sets holds the ticket's value. */
    boolean matches(SlaCriteria ticket) {
        return holds(ticketTypes, ticket.ticketType()) && holds(priorities, ticket.priority())
                && holds(customerTiers, ticket.customerTier()) && holds(channels, ticket.channel());
    }

    /** How many criteria the policy sets: the more, the more specific. */
    int specificity() {
        return (ticketTypes.isEmpty() ? 0 : 1) + (priorities.isEmpty() ? 0 : 1) + (customerTiers.isEmpty() ? 0 : 1)
                + (channels.isEmpty() ? 0 : 1);
    }

    /** Sets no criterion: the catch-all policy. */
    public boolean matchesAnyTicket() {
        return specificity() == 0;
    }

    private static boolean holds(Set<String> criterion, String value) {
        return criterion.isEmpty()
                || (value != null && criterion.stream().anyMatch(c -> c.equalsIgnoreCase(value.strip())));
    }
}
