package io.kefu.sla.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SLA policies in sla_policy; the criteria are text arrays. */
@Repository
class PolicyStore {

    private static final String COLUMNS = "id, name, active, rank, ticket_types, priorities, customer_tiers, "
            + "channels, first_response_minutes, resolution_minutes, warn_percent, calendar_id";
    private static final String VALUES = "name = ?, active = ?, rank = ?, ticket_types = ?, priorities = ?, "
            + "customer_tiers = ?, channels = ?, first_response_minutes = ?, resolution_minutes = ?, "
            + "warn_percent = ?, calendar_id = ?";

    private final JdbcClient jdbc;

    PolicyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<PolicyRecord> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM sla_policy ORDER BY rank, id").query(PolicyStore::map).list();
    }

    List<PolicyRecord> active() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM sla_policy WHERE active").query(PolicyStore::map).list();
    }

    Optional<PolicyRecord> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM sla_policy WHERE id = ?").param(id).query(PolicyStore::map)
                .optional();
    }

    boolean nameTaken(String name, Long exceptId) {
        return jdbc.sql("SELECT count(*) FROM sla_policy WHERE lower(name) = lower(?) AND id <> ?")
                .params(name, exceptId == null ? -1L : exceptId).query(Long.class).single() > 0;
    }

    boolean usesCalendar(long calendarId) {
        return jdbc.sql("SELECT count(*) FROM sla_policy WHERE calendar_id = ?").param(calendarId)
                .query(Long.class).single() > 0;
    }

    long insert(PolicyDraft draft, long calendarId) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO sla_policy (name, active, rank, ticket_types, priorities, "
                        + "customer_tiers, channels, first_response_minutes, resolution_minutes, warn_percent, "
                        + "calendar_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(values(draft, calendarId)).update(key, "id");
        return key.getKeyAs(Long.class);
    }

    void update(long id, PolicyDraft draft, long calendarId) {
        List<Object> params = new ArrayList<>(values(draft, calendarId));
        params.add(id);
        jdbc.sql("UPDATE sla_policy SET " + VALUES + ", updated_at = now() WHERE id = ?").params(params).update();
    }

    void delete(long id) {
        jdbc.sql("DELETE FROM sla_policy WHERE id = ?").param(id).update();
    }

    private static List<Object> values(PolicyDraft d, long calendarId) {
        return List.of(d.name(), d.active(), d.rank(), sorted(d.ticketTypes()), sorted(d.priorities()),
                sorted(d.customerTiers()), sorted(d.channels()), d.firstResponseMinutes(), d.resolutionMinutes(),
                d.warnPercent(), calendarId);
    }

    private static String[] sorted(Set<String> values) {
        return new TreeSet<>(values).toArray(String[]::new);
    }

    private static PolicyRecord map(ResultSet rs, int row) throws SQLException {
        return new PolicyRecord(rs.getLong("id"), rs.getString("name"), rs.getBoolean("active"), rs.getInt("rank"),
                set(rs.getArray("ticket_types")), set(rs.getArray("priorities")),
                set(rs.getArray("customer_tiers")), set(rs.getArray("channels")),
                rs.getInt("first_response_minutes"), rs.getInt("resolution_minutes"), rs.getInt("warn_percent"),
                rs.getLong("calendar_id"));
    }

    private static Set<String> set(Array array) throws SQLException {
        return array == null ? Set.of() : new TreeSet<>(List.of((String[]) array.getArray()));
    }
}
