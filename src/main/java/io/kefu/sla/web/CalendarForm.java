package io.kefu.sla.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.kefu.sla.internal.CalendarDay;
import io.kefu.sla.internal.CalendarDraft;
import io.kefu.sla.internal.CalendarRecord;
import io.kefu.sla.internal.WorkingPeriod;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The calendar form. Each weekday is one line of periods ("08:30-12:00, 13:30-18:00"); holidays and make-up days are
 * one per line: a date, for a make-up day optionally its periods, then an optional name
 * (2026-02-28 09:00-12:00 春节调休).
 */
public class CalendarForm {

    private static final Pattern PERIOD = Pattern.compile("\\d{1,2}:\\d{2}-\\d{1,2}:\\d{2}");

    @NotBlank
    @Size(max = 100)
    private String name;
    private String zone = CalendarInput.DEFAULT_ZONE.getId();
    private boolean defaultCalendar;
    private String monday = "";
    private String tuesday = "";
    private String wednesday = "";
    private String thursday = "";
    private String friday = "";
    private String saturday = "";
    private String sunday = "";
    private String holidays = "";
    private String workdays = "";

    static CalendarForm of(CalendarRecord c) {
        CalendarForm form = new CalendarForm();
        form.name = c.name();
        form.zone = c.zone().getId();
        form.defaultCalendar = c.isDefault();
        form.monday = periods(c.periodsOf(DayOfWeek.MONDAY));
        form.tuesday = periods(c.periodsOf(DayOfWeek.TUESDAY));
        form.wednesday = periods(c.periodsOf(DayOfWeek.WEDNESDAY));
        form.thursday = periods(c.periodsOf(DayOfWeek.THURSDAY));
        form.friday = periods(c.periodsOf(DayOfWeek.FRIDAY));
        form.saturday = periods(c.periodsOf(DayOfWeek.SATURDAY));
        form.sunday = periods(c.periodsOf(DayOfWeek.SUNDAY));
        form.holidays = lines(c.holidays());
        form.workdays = lines(c.workdays());
        return form;
    }

    /** A new calendar starts with the usual office week. */
    static CalendarForm blank() {
        CalendarForm form = new CalendarForm();
        String office = "08:30-12:00, 13:30-18:00";
        form.monday = office;
        form.tuesday = office;
        form.wednesday = office;
        form.thursday = office;
        form.friday = office;
        return form;
    }

    CalendarDraft draft() {
        Map<DayOfWeek, List<WorkingPeriod>> weekly = new EnumMap<>(DayOfWeek.class);
        weekly.put(DayOfWeek.MONDAY, parsePeriods(monday, "monday"));
        weekly.put(DayOfWeek.TUESDAY, parsePeriods(tuesday, "tuesday"));
        weekly.put(DayOfWeek.WEDNESDAY, parsePeriods(wednesday, "wednesday"));
        weekly.put(DayOfWeek.THURSDAY, parsePeriods(thursday, "thursday"));
        weekly.put(DayOfWeek.FRIDAY, parsePeriods(friday, "friday"));
        weekly.put(DayOfWeek.SATURDAY, parsePeriods(saturday, "saturday"));
        weekly.put(DayOfWeek.SUNDAY, parsePeriods(sunday, "sunday"));
        return CalendarInput.draft(name, CalendarInput.zone(zone, "zone"), defaultCalendar, weekly,
                parseDays(holidays, "holidays", false), parseDays(workdays, "workdays", true));
    }

    private static List<WorkingPeriod> parsePeriods(String text, String field) {
        List<WorkingPeriod> periods = new ArrayList<>();
        if (text != null) {
            for (String part : text.split("[,，;\\s]+")) {
                if (!part.isBlank()) {
                    String[] ends = part.split("-", 2);
                    periods.add(CalendarInput.period(ends[0], ends.length > 1 ? ends[1] : null, field));
                }
            }
        }
        CalendarInput.noOverlap(periods, field);
        return periods;
    }

    private static List<CalendarDay> parseDays(String text, String field, boolean withPeriods) {
        List<CalendarDay> days = new ArrayList<>();
        if (text == null) {
            return days;
        }
        for (String line : text.split("\\R")) {
            String[] tokens = line.strip().split("\\s+");
            if (tokens.length == 0 || tokens[0].isEmpty()) {
                continue;
            }
            LocalDate date = CalendarInput.date(tokens[0], field);
            List<WorkingPeriod> periods = new ArrayList<>();
            StringBuilder name = new StringBuilder();
            for (int i = 1; i < tokens.length; i++) {
                if (withPeriods && PERIOD.matcher(tokens[i]).matches()) {
                    String[] ends = tokens[i].split("-", 2);
                    periods.add(CalendarInput.period(ends[0], ends[1], field));
                } else {
                    name.append(name.isEmpty() ? "" : " ").append(tokens[i]);
                }
            }
            CalendarInput.noOverlap(periods, field);
            days.add(new CalendarDay(date, name.isEmpty() ? null : name.toString(), periods));
        }
        return days;
    }

    private static String periods(List<WorkingPeriod> periods) {
        return periods.stream().map(p -> p.startText() + "-" + p.endText()).collect(Collectors.joining(", "));
    }

    private static String lines(List<CalendarDay> days) {
        return days.stream().map(d -> d.date() + (d.periods().isEmpty() ? "" : " " + periods(d.periods())
                .replace(",", "")) + (d.name() == null ? "" : " " + d.name())).collect(Collectors.joining("\n"));
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getZone() {
        return zone;
    }

    public void setZone(String zone) {
        this.zone = zone;
    }

    public boolean isDefaultCalendar() {
        return defaultCalendar;
    }

    public void setDefaultCalendar(boolean defaultCalendar) {
        this.defaultCalendar = defaultCalendar;
    }

    public String getMonday() {
        return monday;
    }

    public void setMonday(String monday) {
        this.monday = monday;
    }

    public String getTuesday() {
        return tuesday;
    }

    public void setTuesday(String tuesday) {
        this.tuesday = tuesday;
    }

    public String getWednesday() {
        return wednesday;
    }

    public void setWednesday(String wednesday) {
        this.wednesday = wednesday;
    }

    public String getThursday() {
        return thursday;
    }

    public void setThursday(String thursday) {
        this.thursday = thursday;
    }

    public String getFriday() {
        return friday;
    }

    public void setFriday(String friday) {
        this.friday = friday;
    }

    public String getSaturday() {
        return saturday;
    }

    public void setSaturday(String saturday) {
        this.saturday = saturday;
    }

    public String getSunday() {
        return sunday;
    }

    public void setSunday(String sunday) {
        this.sunday = sunday;
    }

    public String getHolidays() {
        return holidays;
    }

    public void setHolidays(String holidays) {
        this.holidays = holidays;
    }

    public String getWorkdays() {
        return workdays;
    }

    public void setWorkdays(String workdays) {
        this.workdays = workdays;
    }
}
