package io.kefu.sla.internal;

import java.time.Duration;
import java.time.Instant;

import io.kefu.sla.SlaClockState;
import io.kefu.sla.SlaMetric;

/**
 * One stored clock of a ticket. remaining is the business time left, kept while PAUSED and recorded when met;
 * warned and breached say whether this run's warning and breach have been published.
 */
record Clock(long ticketId, SlaMetric metric, SlaClockState state, long policyId, String policyName,
             long calendarId, int targetMinutes, int warnPercent, Instant startedAt, Instant dueAt, Instant warnAt,
             Duration remaining, Instant metAt, boolean warned, boolean breached) {

    /** The business time left when the warning is due: the share of the target not yet used at that point. */
    Duration warnWhenLeft() {
        return Duration.ofSeconds(targetMinutes * 60L * (100 - warnPercent) / 100);
    }

    boolean isMet() {
        return metAt != null;
    }

    Clock running(Instant due, Instant warn, boolean isWarned) {
        return new Clock(ticketId, metric, SlaClockState.RUNNING, policyId, policyName, calendarId, targetMinutes,
                warnPercent, startedAt, due, warn, null, null, isWarned, false);
    }

    Clock paused(Duration left) {
        return new Clock(ticketId, metric, SlaClockState.PAUSED, policyId, policyName, calendarId, targetMinutes,
                warnPercent, startedAt, null, null, left, null, warned, breached);
    }

    Clock stopped(SlaClockState newState, Instant at, Duration left) {
        return new Clock(ticketId, metric, newState, policyId, policyName, calendarId, targetMinutes, warnPercent,
                startedAt, dueAt, warnAt, left, at, warned, breached);
    }

    Clock warningPublished() {
        return new Clock(ticketId, metric, state, policyId, policyName, calendarId, targetMinutes, warnPercent,
                startedAt, dueAt, warnAt, remaining, metAt, true, breached);
    }

    Clock breachPublished() {
        return new Clock(ticketId, metric, SlaClockState.BREACHED, policyId, policyName, calendarId, targetMinutes,
                warnPercent, startedAt, dueAt, warnAt, remaining, metAt, true, true);
    }
}
