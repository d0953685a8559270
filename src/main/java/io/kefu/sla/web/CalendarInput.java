package io.kefu.sla.web;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.kefu.platform.DomainException;
import io.kefu.platform.Text;
import io.kefu.sla.internal.CalendarDay;
import io.kefu.sla.internal.CalendarDraft;
import io.kefu.sla.internal.WorkingPeriod;
import org.springframework.http.HttpStatus;

/**
 * Turns typed-in calendar parts (times "08:30", "24:00" as an end; dates "2026-10-01"; zone ids) into a checked
 * draft, each refusal naming the field it belongs to. Shared by the API and the form.
 */
final class CalendarInput {

    static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

    private CalendarInput() {
    }

    static ZoneId zone(String text, String field) {
        if (text == null || text.isBlank()) {
            return DEFAULT_ZONE;
        }
        try {
            return ZoneId.of(text.strip());
        } catch (DateTimeException e) {
            throw DomainException.onField(HttpStatus.BAD_REQUEST, field, "sla.calendar.badZone", text);
        }
    }

    static DayOfWeek day(String text, String field) {
        try {
            return DayOfWeek.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw DomainException.onField(HttpStatus.BAD_REQUEST, field, "sla.calendar.badDay", String.valueOf(text));
        }
    }

    static LocalDate date(String text, String field) {
        try {
            return LocalDate.parse(text.strip());
        } catch (RuntimeException e) {
            throw DomainException.onField(HttpStatus.BAD_REQUEST, field, "sla.calendar.badDate", String.valueOf(text));
        }
    }

    static WorkingPeriod period(String start, String end, String field) {
        try {
            return WorkingPeriod.parse(start, end);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw DomainException.onField(HttpStatus.BAD_REQUEST, field, "sla.calendar.badPeriod",
                    start + "-" + end);
        }
    }

    /** Refuses periods of one day that overlap. */
    static void noOverlap(List<WorkingPeriod> periods, String field) {
        for (int i = 0; i < periods.size(); i++) {
            for (int j = i + 1; j < periods.size(); j++) {
                WorkingPeriod a = periods.get(i);
                WorkingPeriod b = periods.get(j);
                if (a.overlaps(b)) {
                    throw DomainException.onField(HttpStatus.BAD_REQUEST, field, "sla.calendar.overlap",
                            a.startText() + "-" + a.endText(), b.startText() + "-" + b.endText());
                }
            }
        }
    }

    static CalendarDraft draft(String name, ZoneId zone, boolean isDefault, Map<DayOfWeek, List<WorkingPeriod>> weekly,
                               List<CalendarDay> holidays, List<CalendarDay> workdays) {
        Map<DayOfWeek, List<WorkingPeriod>> copy = new EnumMap<>(DayOfWeek.class);
        weekly.forEach((day, periods) -> copy.put(day, new ArrayList<>(periods)));
        return new CalendarDraft(Text.blankToNull(name), zone, isDefault, copy, holidays, workdays);
    }
}
