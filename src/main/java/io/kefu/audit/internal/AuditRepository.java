package io.kefu.audit.internal;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

import io.kefu.audit.AuditEntry;
import io.kefu.audit.AuditQuery;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.util.StringUtils;

/** Plain SQL over {@code audit_entry}: inserts only (the table refuses updates), and filtered reads. */
@Repository
public class AuditRepository {

    private static final int MAX_TEXT = 2000;

    private final JdbcClient jdbc;

    AuditRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Long actorId, String actorName, String action, String targetType, Object targetId,
                       String details, String ipAddress) {
        jdbc.sql("""
                INSERT INTO audit_entry (actor_id, actor_name, action, target_type, target_id, details, ip_address)
                VALUES (:actorId, :actorName, :action, :targetType, :targetId, :details, :ip)""")
                .param("actorId", actorId)
                .param("actorName", truncate(actorName, 100))
                .param("action", action)
                .param("targetType", targetType)
                .param("targetId", targetId == null ? null : targetId.toString())
                .param("details", truncate(details, MAX_TEXT))
                .param("ip", ipAddress)
                .update();
    }

    public List<AuditEntry> search(AuditQuery query) {
        StringBuilder sql = new StringBuilder("""
                SELECT id, occurred_at, actor_id, actor_name, action, target_type, target_id, details, ip_address
                FROM audit_entry WHERE TRUE""");
        List<Object> params = new ArrayList<>();
        if (StringUtils.hasText(query.actor())) {
            sql.append(" AND lower(actor_name) = lower(?)");
            params.add(query.actor().trim());
        }
        if (StringUtils.hasText(query.action())) {
            sql.append(" AND action LIKE ?");
            params.add(query.action().trim() + "%");
        }
        if (StringUtils.hasText(query.targetType())) {
            sql.append(" AND target_type = ?");
            params.add(query.targetType().trim());
        }
        if (StringUtils.hasText(query.targetId())) {
            sql.append(" AND target_id = ?");
            params.add(query.targetId().trim());
        }
        if (query.from() != null) {
            sql.append(" AND occurred_at >= ?");
            params.add(Timestamp.from(query.from()));
        }
        if (query.to() != null) {
            sql.append(" AND occurred_at < ?");
            params.add(Timestamp.from(query.to()));
        }
        if (query.beforeId() != null) {
            sql.append(" AND id < ?");
            params.add(query.beforeId());
        }
        sql.append(" ORDER BY id DESC LIMIT ?");
        params.add(query.limit());
        return jdbc.sql(sql.toString()).params(params).query((rs, row) -> new AuditEntry(
                rs.getLong("id"),
                rs.getTimestamp("occurred_at").toInstant(),
                (Long) rs.getObject("actor_id"),
                rs.getString("actor_name"),
                rs.getString("action"),
                rs.getString("target_type"),
                rs.getString("target_id"),
                rs.getString("details"),
                rs.getString("ip_address"))).list();
    }


    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
