package io.kefu.sla.internal;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** What an admin sets on a business calendar; checked for overlaps and bad times when it was parsed. */
public record CalendarDraft(String name, ZoneId zone, boolean isDefault, Map<DayOfWeek, List<WorkingPeriod>> weekly,
                            List<CalendarDay> holidays, List<CalendarDay> workdays) {

    public CalendarDraft {
        weekly = Map.copyOf(weekly);
        holidays = List.copyOf(holidays);
        workdays = List.copyOf(workdays);
    }
}
