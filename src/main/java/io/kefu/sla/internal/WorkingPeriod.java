package io.kefu.sla.internal;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;

/**
 * A stretch of working time within one day, from start (inclusive) to end (exclusive). An end of midnight means the
 * end of the day ("24:00"), so that night shifts are written as two periods: 22:00–24:00 and 00:00–06:00.
 */
public record WorkingPeriod(LocalTime start, LocalTime end) {

    public WorkingPeriod {
        if (start == null || end == null || !(start.isBefore(end) || end.equals(LocalTime.MIDNIGHT))) {
            throw new IllegalArgumentException("A working period starts before it ends: " + start + "-" + end);
        }
    }

    /** Parses "HH:mm" times; "24:00" is accepted as an end. Throws IllegalArgumentException on bad input. */
    public static WorkingPeriod parse(String start, String end) {
        return new WorkingPeriod(time(start, false), time(end, true));
    }

    static LocalTime time(String text, boolean end) {
        if (text == null) {
            throw new IllegalArgumentException("missing time");
        }
        String t = text.strip();
        if (end && t.equals("24:00")) {
            return LocalTime.MIDNIGHT;
        }
        try {
            return LocalTime.parse(t);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("bad time " + text, e);
        }
    }

    int startMinute() {
        return start.getHour() * 60 + start.getMinute();
    }

    int endMinute() {
        return end.equals(LocalTime.MIDNIGHT) ? 24 * 60 : end.getHour() * 60 + end.getMinute();
    }

    public boolean overlaps(WorkingPeriod other) {
        return startMinute() < other.endMinute() && other.startMinute() < endMinute();
    }

    /** "08:30" and "24:00" for an end of day. */
    public String startText() {
        return start.toString();
    }

    public String endText() {
        return end.equals(LocalTime.MIDNIGHT) ? "24:00" : end.toString();
    }
}
