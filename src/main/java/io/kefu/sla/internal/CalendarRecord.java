package io.kefu.sla.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** A stored business calendar. */
public record CalendarRecord(long id, String name, ZoneId zone, boolean isDefault,
                             Map<DayOfWeek, List<WorkingPeriod>> weekly, List<CalendarDay> holidays,
                             List<CalendarDay> workdays) {

    public BusinessCalendar toBusinessCalendar() {
        Set<LocalDate> closed = holidays.stream().map(CalendarDay::date).collect(Collectors.toSet());
        Map<LocalDate, List<WorkingPeriod>> worked = new LinkedHashMap<>();
        workdays.forEach(day -> worked.put(day.date(), day.periods()));
        return new BusinessCalendar(zone, weekly, closed, worked);
    }

    public List<WorkingPeriod> periodsOf(DayOfWeek day) {
        return weekly.getOrDefault(day, List.of());
    }
}
