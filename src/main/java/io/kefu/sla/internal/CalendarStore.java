package io.kefu.sla.internal;

import java.sql.Date;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Business calendars in sla_calendar and its periods and dates, read whole (they are small). */
@Repository
class CalendarStore {

    private record Row(long id, String name, String zone, boolean isDefault) {
    }

    private record PeriodRow(long calendarId, Integer dayOfWeek, LocalDate workDate, WorkingPeriod period) {
    }

    private record DateRow(long calendarId, LocalDate day, String kind, String name) {
    }

    private final JdbcClient jdbc;

    CalendarStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<CalendarRecord> all() {
        return load(jdbc.sql("SELECT id, name, zone, is_default FROM sla_calendar ORDER BY id")
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)))
                .list(), null);
    }

    Optional<CalendarRecord> find(long id) {
        List<Row> rows = jdbc.sql("SELECT id, name, zone, is_default FROM sla_calendar WHERE id = ?").param(id)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)))
                .list();
        return load(rows, id).stream().findFirst();
    }

    Optional<Long> defaultId() {
        return jdbc.sql("SELECT id FROM sla_calendar WHERE is_default").query(Long.class).optional();
    }

    boolean nameTaken(String name, Long exceptId) {
        return jdbc.sql("SELECT count(*) FROM sla_calendar WHERE lower(name) = lower(?) AND id <> ?")
                .params(name, exceptId == null ? -1L : exceptId).query(Long.class).single() > 0;
    }

    long insert(CalendarDraft draft) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO sla_calendar (name, zone, is_default) VALUES (?, ?, ?)")
                .params(draft.name(), draft.zone().getId(), draft.isDefault())
                .update(key, "id");
        long id = key.getKeyAs(Long.class);
        writeContent(id, draft);
        return id;
    }

    void update(long id, CalendarDraft draft) {
        jdbc.sql("UPDATE sla_calendar SET name = ?, zone = ?, is_default = ?, updated_at = now() WHERE id = ?")
                .params(draft.name(), draft.zone().getId(), draft.isDefault(), id).update();
        jdbc.sql("DELETE FROM sla_calendar_period WHERE calendar_id = ?").param(id).update();
        jdbc.sql("DELETE FROM sla_calendar_date WHERE calendar_id = ?").param(id).update();
        writeContent(id, draft);
    }

    /** The default flag moves: no other calendar keeps it. */
    void clearDefaultExcept(long id) {
        jdbc.sql("UPDATE sla_calendar SET is_default = FALSE WHERE is_default AND id <> ?").param(id).update();
    }

    void delete(long id) {
        jdbc.sql("DELETE FROM sla_calendar WHERE id = ?").param(id).update();
    }

    private void writeContent(long id, CalendarDraft draft) {
        draft.weekly().forEach((day, periods) -> periods.forEach(p -> jdbc.sql("""
                INSERT INTO sla_calendar_period (calendar_id, day_of_week, start_minute, end_minute)
                VALUES (?, ?, ?, ?)""").params(id, day.getValue(), p.startMinute(), p.endMinute()).update()));
        for (CalendarDay holiday : draft.holidays()) {
            jdbc.sql("INSERT INTO sla_calendar_date (calendar_id, day, kind, name) VALUES (?, ?, 'HOLIDAY', ?)")
                    .params(id, Date.valueOf(holiday.date()), holiday.name()).update();
        }
        for (CalendarDay workday : draft.workdays()) {
            jdbc.sql("INSERT INTO sla_calendar_date (calendar_id, day, kind, name) VALUES (?, ?, 'WORKDAY', ?)")
                    .params(id, Date.valueOf(workday.date()), workday.name()).update();
            workday.periods().forEach(p -> jdbc.sql("""
                    INSERT INTO sla_calendar_period (calendar_id, work_date, start_minute, end_minute)
                    VALUES (?, ?, ?, ?)""").params(id, Date.valueOf(workday.date()), p.startMinute(), p.endMinute())
                    .update());
        }
    }

    private List<CalendarRecord> load(List<Row> rows, Long onlyId) {
        if (rows.isEmpty()) {
            return List.of();
        }
        String where = onlyId == null ? "" : " WHERE calendar_id = " + onlyId;
        List<PeriodRow> periods = jdbc.sql("SELECT calendar_id, day_of_week, work_date, start_minute, end_minute "
                        + "FROM sla_calendar_period" + where + " ORDER BY start_minute")
                .query((rs, n) -> new PeriodRow(rs.getLong(1), (Integer) rs.getObject(2),
                        rs.getDate(3) == null ? null : rs.getDate(3).toLocalDate(),
                        new WorkingPeriod(time(rs.getInt(4)), time(rs.getInt(5))))).list();
        List<DateRow> dates = jdbc.sql("SELECT calendar_id, day, kind, name FROM sla_calendar_date" + where
                        + " ORDER BY day")
                .query((rs, n) -> new DateRow(rs.getLong(1), rs.getDate(2).toLocalDate(), rs.getString(3),
                        rs.getString(4))).list();
        List<CalendarRecord> records = new ArrayList<>();
        for (Row row : rows) {
            Map<DayOfWeek, List<WorkingPeriod>> weekly = new EnumMap<>(DayOfWeek.class);
            Map<LocalDate, List<WorkingPeriod>> byDate = new HashMap<>();
            for (PeriodRow p : periods) {
                if (p.calendarId() != row.id()) {
                    continue;
                }
                if (p.dayOfWeek() != null) {
                    weekly.computeIfAbsent(DayOfWeek.of(p.dayOfWeek()), d -> new ArrayList<>()).add(p.period());
                } else {
                    byDate.computeIfAbsent(p.workDate(), d -> new ArrayList<>()).add(p.period());
                }
            }
            List<CalendarDay> holidays = new ArrayList<>();
            List<CalendarDay> workdays = new ArrayList<>();
            for (DateRow d : dates) {
                if (d.calendarId() != row.id()) {
                    continue;
                }
                if (d.kind().equals("HOLIDAY")) {
                    holidays.add(new CalendarDay(d.day(), d.name(), List.of()));
                } else {
                    workdays.add(new CalendarDay(d.day(), d.name(), byDate.getOrDefault(d.day(), List.of())));
                }
            }
            records.add(new CalendarRecord(row.id(), row.name(), ZoneId.of(row.zone()), row.isDefault(), weekly,
                    holidays, workdays));
        }
        return records;
    }

    private static LocalTime time(int minute) {
        return minute >= 24 * 60 ? LocalTime.MIDNIGHT : LocalTime.of(minute / 60, minute % 60);
    }
}
