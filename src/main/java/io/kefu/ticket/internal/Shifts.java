package io.kefu.ticket.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Whether an agent is on shift; automatic assignment passes over those who are not. */
@Repository
public class Shifts {

    private final JdbcClient jdbc;

    Shifts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean isOnShift(long staffId) {
        return jdbc.sql("SELECT on_shift FROM agent_shift WHERE staff_id = :staff").param("staff", staffId)
                .query(Boolean.class).optional().orElse(true);
    }

    public void set(long staffId, boolean onShift) {
        jdbc.sql("""
                INSERT INTO agent_shift (staff_id, on_shift) VALUES (:staff, :on)
                ON CONFLICT (staff_id) DO UPDATE SET on_shift = EXCLUDED.on_shift, changed_at = now()""")
                .param("staff", staffId).param("on", onShift).update();
    }
}
