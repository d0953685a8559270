package io.kefu.sla.internal;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Working time of an office: weekly periods, public holidays (closed) and make-up working days (调休, worked with
 * their own periods). Pure arithmetic, no I/O. Long spans are walked a day at a time and a whole week at a time where
 * no holiday, make-up day or clock change lies in the week, so a target of months costs a few hundred steps.
 */
public final class BusinessCalendar {

    private static final int MAX_YEARS = 50;

    private final ZoneId zone;
    private final Map<DayOfWeek, List<WorkingPeriod>> weekly = new EnumMap<>(DayOfWeek.class);
    private final NavigableSet<LocalDate> holidays;
    private final TreeMap<LocalDate, List<WorkingPeriod>> workdays;
    private final Duration weekTotal;

    /**
     * @param workdays make-up working days and their periods (an empty list: the periods of a normal Monday)
     */
    public BusinessCalendar(ZoneId zone, Map<DayOfWeek, List<WorkingPeriod>> weekly, Set<LocalDate> holidays,
                            Map<LocalDate, List<WorkingPeriod>> workdays) {
        this.zone = zone;
        for (DayOfWeek day : DayOfWeek.values()) {
            List<WorkingPeriod> periods = new ArrayList<>(weekly.getOrDefault(day, List.of()));
            periods.sort(Comparator.comparing(WorkingPeriod::startMinute));
            this.weekly.put(day, List.copyOf(periods));
        }
        this.holidays = new TreeSet<>(holidays);
        this.workdays = new TreeMap<>();
        workdays.forEach((date, periods) -> {
            List<WorkingPeriod> sorted = new ArrayList<>(periods.isEmpty() ? this.weekly.get(DayOfWeek.MONDAY)
                    : periods);
            sorted.sort(Comparator.comparing(WorkingPeriod::startMinute));
            this.workdays.put(date, List.copyOf(sorted));
        });
        this.weekTotal = Duration.ofMinutes(this.weekly.values().stream().flatMap(List::stream)
                .mapToLong(p -> p.endMinute() - p.startMinute()).sum());
    }

    /** Open all day, every day: for tests and round-the-clock hotlines. */
    public static BusinessCalendar allDay(ZoneId zone) {
        Map<DayOfWeek, List<WorkingPeriod>> weekly = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            weekly.put(day, List.of(new WorkingPeriod(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT)));
        }
        return new BusinessCalendar(zone, weekly, Set.of(), Map.of());
    }

    public ZoneId zone() {
        return zone;
    }

    public boolean isOpenAt(Instant at) {
        LocalDate date = at.atZone(zone).toLocalDate();
        for (Instant[] interval : intervals(date)) {
            if (!at.isBefore(interval[0]) && at.isBefore(interval[1])) {
                return true;
            }
        }
        return false;
    }

    /**
     * The instant at which {@code amount} of business time, counted from {@code from}, is used up. A span that ends
     * exactly at a period's end answers that end (12:00, not 13:30 after lunch).
     */
    public Instant addBusinessTime(Instant from, Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("negative business time " + amount);
        }
        if (amount.isZero()) {
            return from;
        }
        requireWorkingTime();
        Duration left = amount;
        LocalDate date = from.atZone(zone).toLocalDate();
        LocalDate limit = date.plusYears(MAX_YEARS);
        boolean firstDay = true;
        while (date.isBefore(limit)) {
            if (!firstDay && canSkipWeek(date) && left.compareTo(weekTotal) > 0) {
                left = left.minus(weekTotal);
                date = date.plusWeeks(1);
                continue;
            }
            for (Instant[] interval : intervals(date)) {
                Instant start = interval[0].isBefore(from) ? from : interval[0];
                if (!start.isBefore(interval[1])) {
                    continue;
                }
                Duration available = Duration.between(start, interval[1]);
                if (available.compareTo(left) >= 0) {
                    return start.plus(left);
                }
                left = left.minus(available);
            }
            firstDay = false;
            date = date.plusDays(1);
        }
        throw new IllegalStateException("no working time within " + MAX_YEARS + " years");
    }

    /** The business time between two instants; negative when {@code to} is before {@code from}. */
    public Duration businessTimeBetween(Instant from, Instant to) {
        if (to.isBefore(from)) {
            return businessTimeBetween(to, from).negated();
        }
        Duration total = Duration.ZERO;
        LocalDate date = from.atZone(zone).toLocalDate();
        LocalDate last = to.atZone(zone).toLocalDate();
        boolean firstDay = true;
        while (!date.isAfter(last)) {
            if (!firstDay && date.plusWeeks(1).isBefore(last) && canSkipWeek(date)) {
                total = total.plus(weekTotal);
                date = date.plusWeeks(1);
                continue;
            }
            for (Instant[] interval : intervals(date)) {
                Instant start = interval[0].isBefore(from) ? from : interval[0];
                Instant end = interval[1].isAfter(to) ? to : interval[1];
                if (start.isBefore(end)) {
                    total = total.plus(Duration.between(start, end));
                }
            }
            firstDay = false;
            date = date.plusDays(1);
        }
        return total;
    }

    /** The periods worked on a date: a make-up day's own, none on a holiday, else the weekday's. */
    public List<WorkingPeriod> periodsOn(LocalDate date) {
        List<WorkingPeriod> makeUp = workdays.get(date);
        if (makeUp != null) {
            return makeUp;
        }
        return holidays.contains(date) ? List.of() : weekly.get(date.getDayOfWeek());
    }

    private List<Instant[]> intervals(LocalDate date) {
        List<Instant[]> intervals = new ArrayList<>();
        for (WorkingPeriod period : periodsOn(date)) {
            Instant start = ZonedDateTime.of(date, period.start(), zone).toInstant();
            Instant end = period.endMinute() == 24 * 60 ? date.plusDays(1).atStartOfDay(zone).toInstant()
                    : ZonedDateTime.of(date, period.end(), zone).toInstant();
            if (start.isBefore(end)) {
                intervals.add(new Instant[] {start, end});
            }
        }
        return intervals;
    }

    /** A week from this date is a normal week: no holiday, no make-up day, no change of the clocks. */
    private boolean canSkipWeek(LocalDate date) {
        LocalDate end = date.plusWeeks(1);
        if (!holidays.subSet(date, true, end, false).isEmpty() || !workdays.subMap(date, true, end, false).isEmpty()) {
            return false;
        }
        if (zone.getRules().isFixedOffset()) {
            return true;
        }
        ZoneOffsetTransition next = zone.getRules().nextTransition(date.atStartOfDay(zone).toInstant());
        return next == null || !next.getInstant().isBefore(end.plusDays(1).atStartOfDay(zone).toInstant());
    }

    private void requireWorkingTime() {
        if (weekTotal.isZero() && workdays.isEmpty()) {
            throw new IllegalStateException("a calendar without working time");
        }
    }
}
