package io.kefu.ticket.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A ticket's SLA as shown on it: the standing, the next deadline and each clock.
 *
 * @param policy the name of the policy that matched, or null when none did
 */
public record SlaSummary(SlaFlag state, Instant nextDueAt, String policy, List<Clock> clocks) {

    /** One clock: first response or resolution. {@code dueAt} is null while it is paused. */
    public record Clock(String metric, String state, Instant dueAt, Duration remaining, Instant metAt) {
    }
}
