package io.kefu.notification.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import io.kefu.notification.InAppNotification;
import io.kefu.notification.NotificationChannel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Plain SQL over the {@code notification} table. The worker's statements are single statements run outside any
 * transaction: a claim is one atomic UPDATE, so no transaction is held open while a message is on the wire.
 */
@Repository
class OutboxRepository {

    private static final int MAX_ERROR = 1000;
    private static final String COLUMNS = """
            id, channel, recipient_staff_id, address, subject, body, link, dedup_key, state, attempts,
            next_attempt_at, last_error, created_at, sent_at, read_at""";

    private final JdbcClient jdbc;

    OutboxRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The new row's id, or empty when a row with the same dedup key exists. */
    Optional<Long> insert(NotificationChannel channel, Long staffId, String address, String subject, String body,
                          String link, String dedupKey, DeliveryState state, String lastError) {
        return jdbc.sql("""
                INSERT INTO notification (channel, recipient_staff_id, address, subject, body, link, dedup_key,
                                          state, next_attempt_at, last_error, sent_at)
                VALUES (:channel, :staffId, :address, :subject, :body, :link, :dedupKey, :state,
                        CASE WHEN :state = 'PENDING' THEN now() END, :lastError,
                        CASE WHEN :state = 'SENT' THEN now() END)
                ON CONFLICT (dedup_key) WHERE dedup_key IS NOT NULL DO NOTHING
                RETURNING id""")
                .param("channel", channel.name())
                .param("staffId", staffId)
                .param("address", address)
                .param("subject", subject)
                .param("body", body)
                .param("link", link)
                .param("dedupKey", dedupKey)
                .param("state", state.name())
                .param("lastError", truncate(lastError))
                .query(Long.class).optional();
    }

    Optional<Long> idByDedupKey(String dedupKey) {
        return jdbc.sql("SELECT id FROM notification WHERE dedup_key = :key").param("key", dedupKey)
                .query(Long.class).optional();
    }

    /**
     * Claims up to {@code limit} due notifications of the given channels for this worker: marks them SENDING, counts
     * the attempt and sets when the claim lapses. SKIP LOCKED lets workers on other nodes claim other rows meanwhile.
     */
    List<OutboxEntry> claimDue(Collection<NotificationChannel> channels, int limit, Duration claimTimeout) {
        if (channels.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                UPDATE notification SET state = 'SENDING', attempts = attempts + 1,
                       next_attempt_at = now() + :claimMillis * interval '1 millisecond'
                WHERE id IN (SELECT id FROM notification
                             WHERE state IN ('PENDING', 'SENDING') AND next_attempt_at <= now()
                               AND channel IN (:channels)
                             ORDER BY next_attempt_at LIMIT :limit FOR UPDATE SKIP LOCKED)
                RETURNING\s""" + COLUMNS)
                .param("claimMillis", claimTimeout.toMillis())
                .param("channels", channels.stream().map(Enum::name).toList())
                .param("limit", limit)
                .query(OutboxRepository::entry).list();
    }

    void markSent(long id) {
        jdbc.sql("""
                UPDATE notification SET state = 'SENT', sent_at = now(), next_attempt_at = NULL, last_error = NULL
                WHERE id = :id AND state = 'SENDING'""").param("id", id).update();
    }

    /** Hands claimed notifications back unsent: due again at once, the attempt not counted. */
    void release(List<Long> ids) {
        jdbc.sql("""
                UPDATE notification SET state = 'PENDING', attempts = attempts - 1, next_attempt_at = now()
                WHERE id IN (:ids) AND state = 'SENDING'""").param("ids", ids).update();
    }

    void retryLater(long id, String error, Duration wait) {
        jdbc.sql("""
                UPDATE notification SET state = 'PENDING', last_error = :error,
                       next_attempt_at = now() + :waitMillis * interval '1 millisecond'
                WHERE id = :id AND state = 'SENDING'""")
                .param("id", id).param("error", truncate(error)).param("waitMillis", wait.toMillis()).update();
    }

    void giveUp(long id, String error) {
        jdbc.sql("""
                UPDATE notification SET state = 'FAILED', last_error = :error, next_attempt_at = NULL
                WHERE id = :id AND state = 'SENDING'""").param("id", id).param("error", truncate(error)).update();
    }

    /** The row, locked until the end of the caller's transaction. */
    Optional<OutboxEntry> lock(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM notification WHERE id = :id FOR UPDATE").param("id", id)
                .query(OutboxRepository::entry).optional();
    }

    /** An administrator's retry: due now, with a fresh budget of attempts. */
    void requeue(long id, String address, String lastError) {
        jdbc.sql("""
                UPDATE notification SET state = 'PENDING', attempts = 0, next_attempt_at = now(),
                       address = :address, last_error = :lastError
                WHERE id = :id""").param("id", id).param("address", address).param("lastError", truncate(lastError))
                .update();
    }

    List<OutboxEntry> search(OutboxQuery query) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM notification WHERE TRUE");
        List<Object> params = new ArrayList<>();
        if (query.state() != null) {
            sql.append(" AND state = ?");
            params.add(query.state().name());
        }
        if (query.channel() != null) {
            sql.append(" AND channel = ?");
            params.add(query.channel().name());
        }
        if (query.beforeId() != null) {
            sql.append(" AND id < ?");
            params.add(query.beforeId());
        }
        sql.append(" ORDER BY id DESC LIMIT ?");
        params.add(query.limit());
        return jdbc.sql(sql.toString()).params(params).query(OutboxRepository::entry).list();
    }

    List<InAppNotification> inbox(long staffId, boolean unreadOnly, int limit) {
        return jdbc.sql("""
                SELECT id, subject, body, link, created_at, read_at FROM notification
                WHERE channel = 'IN_APP' AND recipient_staff_id = :staffId
                """ + (unreadOnly ? " AND read_at IS NULL" : "") + " ORDER BY id DESC LIMIT :limit")
                .param("staffId", staffId).param("limit", limit)
                .query((rs, row) -> new InAppNotification(rs.getLong("id"), rs.getString("subject"),
                        rs.getString("body"), rs.getString("link"), instant(rs, "created_at"),
                        instant(rs, "read_at"))).list();
    }

    long unreadCount(long staffId) {
        return jdbc.sql("""
                SELECT count(*) FROM notification
                WHERE channel = 'IN_APP' AND recipient_staff_id = :staffId AND read_at IS NULL""")
                .param("staffId", staffId).query(Long.class).single();
    }

    /** False when she has no in-app notification of that id. */
    boolean markRead(long staffId, long id) {
        return jdbc.sql("""
                UPDATE notification SET read_at = COALESCE(read_at, now())
                WHERE id = :id AND channel = 'IN_APP' AND recipient_staff_id = :staffId""")
                .param("id", id).param("staffId", staffId).update() == 1;
    }

    void markAllRead(long staffId) {
        jdbc.sql("""
                UPDATE notification SET read_at = now()
                WHERE channel = 'IN_APP' AND recipient_staff_id = :staffId AND read_at IS NULL""")
                .param("staffId", staffId).update();
    }

    private static OutboxEntry entry(ResultSet rs, int row) throws SQLException {
        return new OutboxEntry(rs.getLong("id"), NotificationChannel.valueOf(rs.getString("channel")),
                (Long) rs.getObject("recipient_staff_id"), rs.getString("address"), rs.getString("subject"),
                rs.getString("body"), rs.getString("link"), rs.getString("dedup_key"),
                DeliveryState.valueOf(rs.getString("state")), rs.getInt("attempts"), instant(rs, "next_attempt_at"),
                rs.getString("last_error"), instant(rs, "created_at"), instant(rs, "sent_at"), instant(rs, "read_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static String truncate(String s) {
        return s == null || s.length() <= MAX_ERROR ? s : s.substring(0, MAX_ERROR);
    }
}
