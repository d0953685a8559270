package io.kefu.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Business time, for other modules too (live chat asks whether the office is open). calendarId null = the default
 * calendar; an unknown id is answered with a 404 problem.
 */
public interface BusinessHours {

    /** A calendar as other modules offer it for choosing (e.g. live chat's office hours). */
    record CalendarName(long id, String name, boolean isDefault) {
    }

    /** Every calendar, in the order the calendar list shows them. */
    List<CalendarName> calendarNames();

    boolean isOpenAt(Long calendarId, Instant at);

    /** The instant at which the given business time, counted from {@code from}, is used up. */
    Instant addBusinessTime(Long calendarId, Instant from, Duration businessTime);

    /** The business time between two instants; negative when {@code to} is before {@code from}. */
    Duration businessTimeBetween(Long calendarId, Instant from, Instant to);
}
