package io.kefu.sla.internal;

import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** What an admin sets on an SLA policy. Empty criteria match any ticket; calendarId null is the default calendar. */
public record PolicyDraft(String name, boolean active, int rank, Set<String> ticketTypes, Set<String> priorities,
                          Set<String> customerTiers, Set<String> channels, int firstResponseMinutes,
                          int resolutionMinutes, int warnPercent, Long calendarId) {

    public PolicyDraft {
        ticketTypes = present(ticketTypes);
        priorities = present(priorities);
        customerTiers = present(customerTiers);
        channels = present(channels);
    }

    private static Set<String> present(Set<String> values) {
        return values == null ? Set.of()
                : values.stream().filter(Objects::nonNull).collect(Collectors.toUnmodifiableSet());
    }
}
