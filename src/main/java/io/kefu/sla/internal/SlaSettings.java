package io.kefu.sla.internal;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The active SLA policies and the business calendars, built once per change instead of read for every ticket. Each
 * use reads the one-row revision that every change to them moves (triggers, V19), in the caller's transaction, so an
 * edit made on any node, or straight in the database, is seen by the next use on this one.
 */
@Component
class SlaSettings {

    /** The settings as of a revision: the active policies, each calendar built, and the default calendar's id. */
    record Snapshot(long revision, List<PolicyRecord> activePolicies, Map<Long, BusinessCalendar> calendars,
                    Long defaultCalendarId) {
    }

    private final JdbcClient jdbc;
    private final PolicyStore policies;
    private final CalendarStore calendars;
    private volatile Snapshot last;

    SlaSettings(JdbcClient jdbc, PolicyStore policies, CalendarStore calendars) {
        this.jdbc = jdbc;
        this.policies = policies;
        this.calendars = calendars;
    }

    Snapshot current() {
        long revision = jdbc.sql("SELECT revision FROM sla_settings_revision").query(Long.class).single();
        Snapshot known = last;
        if (known != null && known.revision() == revision) {
            return known;
        }
        // Read after the revision, the settings are at least that new: a snapshot never claims a later revision
        // than the settings it holds, so it is replaced as soon as anything changes after it.
        Snapshot read = read(revision);
        if (known == null || revision > known.revision()) {
            last = read;
        }
        return read;
    }

    private Snapshot read(long revision) {
        List<CalendarRecord> all = calendars.all();
        Map<Long, BusinessCalendar> built = all.stream()
                .collect(Collectors.toUnmodifiableMap(CalendarRecord::id, CalendarRecord::toBusinessCalendar));
        Long defaultId = all.stream().filter(CalendarRecord::isDefault).map(CalendarRecord::id).findFirst()
                .orElse(null);
        return new Snapshot(revision, List.copyOf(policies.active()), built, defaultId);
    }
}
