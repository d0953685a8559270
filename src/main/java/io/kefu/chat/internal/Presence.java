package io.kefu.chat.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import io.kefu.chat.AgentStatus;
import io.kefu.identity.StaffDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Agents' live-chat status, in the database so that every node sees the same. */
@Repository
public class Presence {

    private final JdbcClient jdbc;
    private final StaffDirectory staff;

    Presence(JdbcClient jdbc, StaffDirectory staff) {
        this.jdbc = jdbc;
        this.staff = staff;
    }

    public AgentStatus of(long staffId) {
        return jdbc.sql("SELECT status FROM chat_presence WHERE staff_id = :id").param("id", staffId)
                .query(String.class).optional().map(AgentStatus::valueOf).orElse(AgentStatus.OFFLINE);
    }

    public void set(long staffId, AgentStatus status, Instant now) {
        jdbc.sql("""
                        INSERT INTO chat_presence (staff_id, status, changed_at) VALUES (:id, :status, :now)
                        ON CONFLICT (staff_id) DO UPDATE SET status = :status, changed_at = :now""")
                .param("id", staffId).param("status", status.name()).param("now", Timestamp.from(now)).update();
    }

    /** ONLINE agents of the group; for chats of no group, every ONLINE agent. */
    public int online(Long groupId) {
        if (groupId == null) {
            return jdbc.sql("SELECT count(*) FROM chat_presence WHERE status = 'ONLINE'").query(Integer.class).single();
        }
        List<Long> members = staff.membersOf(groupId);
        if (members.isEmpty()) {
            return 0;
        }
        return jdbc.sql("SELECT count(*) FROM chat_presence WHERE status = 'ONLINE' AND staff_id IN (:members)")
                .param("members", members).query(Integer.class).single();
    }
}
