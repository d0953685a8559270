package io.kefu.sla.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;

import io.kefu.platform.DomainException;
import io.kefu.sla.SlaClockState;
import io.kefu.sla.SlaClocks;
import io.kefu.sla.SlaCriteria;
import io.kefu.sla.SlaDeadline;
import io.kefu.sla.SlaMetric;
import io.kefu.sla.SlaStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The clocks of tickets. Each change locks the ticket's clocks and recomputes them in the business time of the
 * calendar they started with; the sweep ({@link SlaDeadlineTasks}) finds from them what has fallen due.
 */
@Service
@Transactional
class SlaClockService implements SlaClocks {

    private final ClockStore clocks;
    private final PolicyService policies;
    private final CalendarService calendars;

    SlaClockService(ClockStore clocks, PolicyService policies, CalendarService calendars) {
        this.clocks = clocks;
        this.policies = policies;
        this.calendars = calendars;
    }

    @Override
    public Optional<SlaStatus> start(long ticketId, SlaCriteria criteria, Instant openedAt) {
        Optional<PolicyRecord> match = policies.match(criteria == null ? new SlaCriteria(null, null, null, null)
                : criteria);
        if (match.isEmpty()) {
            return startedBefore(ticketId);
        }
        PolicyRecord policy = match.get();
        BusinessCalendar calendar = calendars.calendar(policy.calendarId());
        List<Clock> started = List.of(
                newClock(ticketId, SlaMetric.FIRST_RESPONSE, policy.firstResponseMinutes(), policy, calendar, openedAt),
                newClock(ticketId, SlaMetric.RESOLUTION, policy.resolutionMinutes(), policy, calendar, openedAt));
        if (clocks.insertIfAbsent(started) < started.size()) {
            return startedBefore(ticketId);
        }
        return Optional.of(toStatus(started, id -> calendar, Instant.now()));
    }

    /** A second start, or one racing another: the clocks as they were first started. */
    private Optional<SlaStatus> startedBefore(long ticketId) {
        List<Clock> existing = clocks.lockTicket(ticketId);
        return existing.isEmpty() ? Optional.empty() : status(existing);
    }

    @Override
    public Optional<SlaStatus> pause(long ticketId, Instant at) {
        return change(ticketId, (clock, calendar) -> {
            if (clock.state() != SlaClockState.RUNNING) {
                return clock;
            }
            Duration left = calendar.businessTimeBetween(at, clock.dueAt());
            // A clock already past its deadline stays running: its breach is due whatever the customer does now.
            return left.isNegative() || left.isZero() ? clock : clock.paused(left);
        });
    }

    @Override
    public Optional<SlaStatus> resume(long ticketId, Instant at) {
        return change(ticketId, (clock, calendar) -> clock.state() == SlaClockState.PAUSED
                ? run(clock, calendar, at, clock.remaining(), clock.warned()) : clock);
    }

    @Override
    public Optional<SlaStatus> met(long ticketId, SlaMetric metric, Instant at) {
        return change(ticketId, (clock, calendar) -> {
            if (clock.metric() != metric || clock.isMet()) {
                return clock;
            }
            return switch (clock.state()) {
                case PAUSED -> clock.stopped(SlaClockState.MET, at, clock.remaining());
                case RUNNING, BREACHED -> {
                    Duration left = calendar.businessTimeBetween(at, clock.dueAt());
                    boolean late = clock.state() == SlaClockState.BREACHED || at.isAfter(clock.dueAt());
                    yield clock.stopped(late ? SlaClockState.BREACHED : SlaClockState.MET, at, left);
                }
                case MET -> clock;
            };
        });
    }

    @Override
    public Optional<SlaStatus> reopen(long ticketId, Instant at) {
        return change(ticketId, (clock, calendar) -> {
            if (clock.metric() != SlaMetric.RESOLUTION || !clock.isMet()) {
                return clock;
            }
            Duration left = clock.remaining() == null || clock.remaining().isNegative() ? Duration.ZERO
                    : clock.remaining();
            // A new run: its breach may fire again; its warning only if the warning point still lies ahead.
            return run(clock, calendar, at, left, left.compareTo(clock.warnWhenLeft()) <= 0);
        });
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<SlaStatus> statusOf(long ticketId) {
        return Optional.ofNullable(statusOf(List.of(ticketId)).get(ticketId));
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, SlaStatus> statusOf(Collection<Long> ticketIds) {
        if (ticketIds.isEmpty()) {
            return Map.of();
        }
        List<Clock> all = clocks.ofTickets(ticketIds);
        if (all.isEmpty()) {
            return Map.of();
        }
        Map<Long, BusinessCalendar> byId = new HashMap<>(calendars.calendars());
        LongFunction<BusinessCalendar> calendarOf = id -> byId.computeIfAbsent(id,
                missing -> calendars.calendar(null));
        Map<Long, List<Clock>> byTicket = new LinkedHashMap<>();
        all.forEach(c -> byTicket.computeIfAbsent(c.ticketId(), t -> new ArrayList<>()).add(c));
        Instant now = Instant.now();
        Map<Long, SlaStatus> statuses = new LinkedHashMap<>();
        byTicket.forEach((ticketId, ticketClocks) -> statuses.put(ticketId, toStatus(ticketClocks, calendarOf, now)));
        return statuses;
    }

    private interface Step {
        Clock apply(Clock clock, BusinessCalendar calendar);
    }

    private Optional<SlaStatus> change(long ticketId, Step step) {
        List<Clock> current = clocks.lockTicket(ticketId);
        if (current.isEmpty()) {
            return Optional.empty();
        }
        List<Clock> changed = new ArrayList<>();
        for (Clock clock : current) {
            Clock next = step.apply(clock, calendarOf(clock.calendarId()));
            if (!next.equals(clock)) {
                clocks.update(next);
            }
            changed.add(next);
        }
        return status(changed);
    }

    private Clock newClock(long ticketId, SlaMetric metric, int targetMinutes, PolicyRecord policy,
                           BusinessCalendar calendar, Instant openedAt) {
        Duration target = Duration.ofMinutes(targetMinutes);
        Duration untilWarning = Duration.ofSeconds(targetMinutes * 60L * policy.warnPercent() / 100);
        return new Clock(ticketId, metric, SlaClockState.RUNNING, policy.id(), policy.name(), policy.calendarId(),
                targetMinutes, policy.warnPercent(), openedAt, calendar.addBusinessTime(openedAt, target),
                calendar.addBusinessTime(openedAt, untilWarning), null, null, false, false);
    }

    /** The clock running from {@code at} with {@code left} business time, its warning where that leaves it. */
    private static Clock run(Clock clock, BusinessCalendar calendar, Instant at, Duration left, boolean warned) {
        Duration untilWarning = left.minus(clock.warnWhenLeft());
        Instant warnAt = calendar.addBusinessTime(at, untilWarning.isNegative() ? Duration.ZERO : untilWarning);
        return clock.running(calendar.addBusinessTime(at, left), warnAt, warned);
    }

    private BusinessCalendar calendarOf(long calendarId) {
        // A calendar deleted since the clock started: its clocks go on in the default calendar.
        try {
            return calendars.calendar(calendarId);
        } catch (DomainException gone) {
            return calendars.calendar(null);
        }
    }

    private Optional<SlaStatus> status(List<Clock> ticketClocks) {
        // One ticket's clocks share a calendar: read it once for all of them.
        Map<Long, BusinessCalendar> read = new HashMap<>();
        return Optional.of(toStatus(ticketClocks, id -> read.computeIfAbsent(id, this::calendarOf), Instant.now()));
    }

    private static SlaStatus toStatus(List<Clock> ticketClocks, LongFunction<BusinessCalendar> calendarOf,
                                      Instant now) {
        List<SlaDeadline> deadlines = new ArrayList<>();
        for (Clock c : ticketClocks) {
            boolean counting = c.state() == SlaClockState.RUNNING
                    || (c.state() == SlaClockState.BREACHED && !c.isMet());
            Duration remaining = counting ? calendarOf.apply(c.calendarId()).businessTimeBetween(now, c.dueAt())
                    : c.remaining();
            deadlines.add(new SlaDeadline(c.metric(), c.state(), c.dueAt(), c.warnAt(), remaining, c.metAt()));
        }
        Clock first = ticketClocks.get(0);
        return new SlaStatus(first.policyId(), first.policyName(), deadlines);
    }
}
