package io.kefu.sla.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.kefu.platform.Text;
import io.kefu.sla.internal.CalendarDay;
import io.kefu.sla.internal.CalendarDraft;
import io.kefu.sla.internal.CalendarRecord;
import io.kefu.sla.internal.CalendarService;
import io.kefu.sla.internal.PolicyDraft;
import io.kefu.sla.internal.PolicyRecord;
import io.kefu.sla.internal.PolicyService;
import io.kefu.sla.internal.WorkingPeriod;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Business calendars and SLA policies for administrators and supervisors (permission SLA_MANAGE). */
@RestController
@RequestMapping("/api/v1/sla")
@Tag(name = "SLA")
class SlaApiController {

    private final CalendarService calendars;
    private final PolicyService policies;

    SlaApiController(CalendarService calendars, PolicyService policies) {
        this.calendars = calendars;
        this.policies = policies;
    }

    /** A working period: times "HH:mm"; an end of "24:00" is midnight. dayOfWeek (MONDAY…SUNDAY) for weekly ones. */
    record PeriodJson(String dayOfWeek, String start, String end) {
    }

    /** A holiday or make-up working day; a make-up day without periods works the periods of a normal Monday. */
    record DayJson(String date, @Size(max = 100) String name, List<PeriodJson> periods) {
    }

    record CalendarJson(long id, String name, String zone, boolean isDefault, List<PeriodJson> weeklyPeriods,
                        List<DayJson> holidays, List<DayJson> workdays) {
        static CalendarJson of(CalendarRecord c) {
            List<PeriodJson> weekly = new ArrayList<>();
            for (DayOfWeek day : DayOfWeek.values()) {
                c.periodsOf(day).forEach(p -> weekly.add(new PeriodJson(day.name(), p.startText(), p.endText())));
            }
            return new CalendarJson(c.id(), c.name(), c.zone().getId(), c.isDefault(), weekly,
                    c.holidays().stream().map(d -> new DayJson(d.date().toString(), d.name(), List.of())).toList(),
                    c.workdays().stream().map(d -> new DayJson(d.date().toString(), d.name(), d.periods().stream()
                            .map(p -> new PeriodJson(null, p.startText(), p.endText())).toList())).toList());
        }
    }

    record CalendarRequest(@NotBlank @Size(max = 100) String name, String zone, Boolean isDefault,
                           List<PeriodJson> weeklyPeriods, List<@Valid DayJson> holidays,
                           List<@Valid DayJson> workdays) {

        CalendarDraft draft() {
            ZoneId zoneId = CalendarInput.zone(zone, "zone");
            Map<DayOfWeek, List<WorkingPeriod>> weekly = new EnumMap<>(DayOfWeek.class);
            List<PeriodJson> periods = weeklyPeriods == null ? List.of() : weeklyPeriods;
            for (int i = 0; i < periods.size(); i++) {
                PeriodJson p = periods.get(i);
                String field = "weeklyPeriods[" + i + "]";
                DayOfWeek day = CalendarInput.day(p.dayOfWeek(), field + ".dayOfWeek");
                weekly.computeIfAbsent(day, d -> new ArrayList<>())
                        .add(CalendarInput.period(p.start(), p.end(), field + ".end"));
                CalendarInput.noOverlap(weekly.get(day), field);
            }
            return CalendarInput.draft(name, zoneId, Boolean.TRUE.equals(isDefault), weekly,
                    days(holidays, "holidays", false), days(workdays, "workdays", true));
        }

        private static List<CalendarDay> days(List<DayJson> days, String field, boolean withPeriods) {
            List<CalendarDay> parsed = new ArrayList<>();
            List<DayJson> given = days == null ? List.of() : days;
            for (int i = 0; i < given.size(); i++) {
                DayJson day = given.get(i);
                String at = field + "[" + i + "]";
                LocalDate date = CalendarInput.date(day.date(), at + ".date");
                List<WorkingPeriod> periods = new ArrayList<>();
                if (withPeriods && day.periods() != null) {
                    for (PeriodJson p : day.periods()) {
                        periods.add(CalendarInput.period(p.start(), p.end(), at + ".periods"));
                    }
                    CalendarInput.noOverlap(periods, at + ".periods");
                }
                parsed.add(new CalendarDay(date, Text.blankToNull(day.name()), periods));
            }
            return parsed;
        }
    }

    record PolicyJson(long id, String name, boolean active, int rank, Set<String> ticketTypes,
                      Set<String> priorities, Set<String> customerTiers, Set<String> channels,
                      int firstResponseMinutes, int resolutionMinutes, int warnPercent, long calendarId) {
        static PolicyJson of(PolicyRecord p) {
            return new PolicyJson(p.id(), p.name(), p.active(), p.rank(), p.ticketTypes(), p.priorities(),
                    p.customerTiers(), p.channels(), p.firstResponseMinutes(), p.resolutionMinutes(),
                    p.warnPercent(), p.calendarId());
        }
    }

    /** Targets in business minutes; warnPercent of the target used up when the warning fires (default 80). */
    record PolicyRequest(@NotBlank @Size(max = 100) String name, Boolean active, Integer rank,
                         Set<String> ticketTypes, Set<String> priorities, Set<String> customerTiers,
                         Set<String> channels, @NotNull @Positive Integer firstResponseMinutes,
                         @NotNull @Positive Integer resolutionMinutes, @Min(1) @Max(99) Integer warnPercent,
                         Long calendarId) {
        PolicyDraft draft() {
            return new PolicyDraft(name, active == null || active, rank == null ? 100 : rank, ticketTypes,
                    priorities, customerTiers, channels, firstResponseMinutes, resolutionMinutes,
                    warnPercent == null ? 80 : warnPercent, calendarId);
        }
    }

    @GetMapping("/calendars")
    @PreAuthorize("hasAuthority('SLA_MANAGE')")
    List<CalendarJson> calendars() {
        return calendars.all().stream().map(CalendarJson::of).toList();
    }

    @GetMapping("/calendars/{id}")
    @PreAuthorize("hasAuthority('SLA_MANAGE')")
    CalendarJson calendar(@PathVariable long id) {
        return CalendarJson.of(calendars.get(id));
    }

    @PostMapping("/calendars")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('SLA_MANAGE')")
    CalendarJson createCalendar(@Valid @RequestBody CalendarRequest body) {
        return CalendarJson.of(calendars.create(body.draft()));
    }

    /** Replaces the calendar's name, zone, periods, holidays and make-up days. */
    @PutMapping("/calendars/{id}")
    @PreAuthorize("hasAuthority('SLA_MANAGE')")
    CalendarJson updateCalendar(@PathVariable long id, @Valid @RequestBody CalendarRequest body) {
        return CalendarJson.of(calendars.update(id, body.draft()));
    }

    /** Refused (409) for the default calendar and for one a policy uses. */
    @DeleteMapping("/calendars/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAuthority('SLA_MANAGE')")
    void deleteCalendar(@PathVariable long id) {
        calendars.delete(id);
    }

    @GetMapping("/policies")
    @PreAuthorize("hasAuthority('SLA_MANAGE')")
    List<PolicyJson> policies() {
        return policies.all().stream().map(PolicyJson::of).toList();
    }

    @GetMapping("/policies/{id}")
    @PreAuthorize("hasAuthority('SLA_MANAGE')")
    PolicyJson policy(@PathVariable long id) {
        return PolicyJson.of(policies.get(id));
    }

    @PostMapping("/policies")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('SLA_MANAGE')")
    PolicyJson createPolicy(@Valid @RequestBody PolicyRequest body) {
        return PolicyJson.of(policies.create(body.draft()));
    }

    @PutMapping("/policies/{id}")
    @PreAuthorize("hasAuthority('SLA_MANAGE')")
    PolicyJson updatePolicy(@PathVariable long id, @Valid @RequestBody PolicyRequest body) {
        return PolicyJson.of(policies.update(id, body.draft()));
    }

    @DeleteMapping("/policies/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAuthority('SLA_MANAGE')")
    void deletePolicy(@PathVariable long id) {
        policies.delete(id);
    }
}
