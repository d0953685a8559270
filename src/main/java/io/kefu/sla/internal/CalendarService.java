package io.kefu.sla.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.kefu.audit.AuditLog;
import io.kefu.platform.DomainException;
import io.kefu.sla.BusinessHours;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Business calendars: editing them (audited) and answering business-time questions for any module. The first
 * calendar becomes the default; the default and calendars that policies use cannot be deleted.
 */
@Service
@Transactional
public class CalendarService implements BusinessHours {

    private final CalendarStore store;
    private final PolicyStore policies;
    private final SlaSettings settings;
    private final AuditLog audit;

    CalendarService(CalendarStore store, PolicyStore policies, SlaSettings settings, AuditLog audit) {
        this.store = store;
        this.policies = policies;
        this.settings = settings;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public List<CalendarRecord> all() {
        return store.all();
    }

    @Override
    @Transactional(readOnly = true)
    public List<CalendarName> calendarNames() {
        return store.all().stream().map(c -> new CalendarName(c.id(), c.name(), c.isDefault())).toList();
    }

    @Transactional(readOnly = true)
    public CalendarRecord get(long id) {
        return store.find(id).orElseThrow(() -> DomainException.notFound("slaCalendar", id));
    }

    public CalendarRecord create(CalendarDraft draft) {
        check(draft, null);
        boolean makeDefault = draft.isDefault() || store.defaultId().isEmpty();
        long id = store.insert(withDefault(draft, makeDefault));
        if (makeDefault) {
            store.clearDefaultExcept(id);
        }
        audit.record("sla.calendarCreated", "slaCalendar", id, draft.name());
        return get(id);
    }

    public CalendarRecord update(long id, CalendarDraft draft) {
        CalendarRecord current = get(id);
        check(draft, id);
        // The default stays the default until another calendar is made the default.
        boolean isDefault = draft.isDefault() || current.isDefault();
        store.update(id, withDefault(draft, isDefault));
        if (isDefault) {
            store.clearDefaultExcept(id);
        }
        audit.record("sla.calendarUpdated", "slaCalendar", id, draft.name());
        return get(id);
    }

    public void delete(long id) {
        CalendarRecord calendar = get(id);
        if (calendar.isDefault()) {
            throw new DomainException(HttpStatus.CONFLICT, "sla.calendar.defaultInUse");
        }
        if (policies.usesCalendar(id)) {
            throw new DomainException(HttpStatus.CONFLICT, "sla.calendar.usedByPolicy");
        }
        store.delete(id);
        audit.record("sla.calendarDeleted", "slaCalendar", id, calendar.name());
    }

    /** The calendar with this id, or the default one for null. */
    @Transactional(readOnly = true)
    public BusinessCalendar calendar(Long id) {
        SlaSettings.Snapshot current = settings.current();
        Long wanted = id == null ? current.defaultCalendarId() : id;
        BusinessCalendar calendar = wanted == null ? null : current.calendars().get(wanted);
        if (calendar == null) {
            throw DomainException.notFound("slaCalendar", id == null ? "default" : id);
        }
        return calendar;
    }

    /** All calendars by id, for reading many clocks at once. */
    @Transactional(readOnly = true)
    public Map<Long, BusinessCalendar> calendars() {
        return settings.current().calendars();
    }

    @Transactional(readOnly = true)
    public long defaultId() {
        return store.defaultId().orElseThrow(() -> DomainException.notFound("slaCalendar", "default"));
    }

    @Override
    @Transactional(readOnly = true)
    public boolean isOpenAt(Long calendarId, Instant at) {
        return calendar(calendarId).isOpenAt(at);
    }

    @Override
    @Transactional(readOnly = true)
    public Instant addBusinessTime(Long calendarId, Instant from, Duration businessTime) {
        return calendar(calendarId).addBusinessTime(from, businessTime);
    }

    @Override
    @Transactional(readOnly = true)
    public Duration businessTimeBetween(Long calendarId, Instant from, Instant to) {
        return calendar(calendarId).businessTimeBetween(from, to);
    }

    private void check(CalendarDraft draft, Long id) {
        if (draft.name() == null || draft.name().isBlank()) {
            throw DomainException.onField(HttpStatus.BAD_REQUEST, "name", "sla.nameRequired");
        }
        if (store.nameTaken(draft.name(), id)) {
            throw DomainException.onField(HttpStatus.CONFLICT, "name", "sla.calendar.nameTaken", draft.name());
        }
        if (draft.weekly().values().stream().allMatch(List::isEmpty)) {
            throw DomainException.onField(HttpStatus.BAD_REQUEST, "weeklyPeriods", "sla.calendar.noWorkingTime");
        }
        Map<Object, Long> dates = Stream.concat(draft.holidays().stream(), draft.workdays().stream())
                .collect(Collectors.groupingBy(CalendarDay::date, Collectors.counting()));
        dates.entrySet().stream().filter(e -> e.getValue() > 1).findFirst().ifPresent(e -> {
            throw DomainException.onField(HttpStatus.BAD_REQUEST, "workdays", "sla.calendar.dateTwice", e.getKey());
        });
    }

    private static CalendarDraft withDefault(CalendarDraft draft, boolean isDefault) {
        return new CalendarDraft(draft.name(), draft.zone(), isDefault, draft.weekly(), draft.holidays(),
                draft.workdays());
    }
}
