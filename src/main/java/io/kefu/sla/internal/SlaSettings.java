package io.kefu.sla.internal;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.kefu.platform.KeptByRevision;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The active SLA policies and the business calendars, built once per change instead of read for every ticket:
 * kept while the revision that every change to them moves (triggers, V19) stays the same.
 */
@Component
class SlaSettings {

    /** The settings: the active policies, each calendar built, and the default calendar's id. */
    record Snapshot(List<PolicyRecord> activePolicies, Map<Long, BusinessCalendar> calendars,
                    Long defaultCalendarId) {
    }

    private final PolicyStore policies;
    private final CalendarStore calendars;
    private final KeptByRevision<Snapshot> kept;

    SlaSettings(JdbcClient jdbc, PolicyStore policies, CalendarStore calendars) {
        this.policies = policies;
        this.calendars = calendars;
        this.kept = new KeptByRevision<>(jdbc, "sla_settings_revision", this::read);
    }

    Snapshot current() {
        return kept.current();
    }

    private Snapshot read() {
        List<CalendarRecord> all = calendars.all();
        Map<Long, BusinessCalendar> built = all.stream()
                .collect(Collectors.toUnmodifiableMap(CalendarRecord::id, CalendarRecord::toBusinessCalendar));
        Long defaultId = all.stream().filter(CalendarRecord::isDefault).map(CalendarRecord::id).findFirst()
                .orElse(null);
        return new Snapshot(List.copyOf(policies.active()), built, defaultId);
    }
}
