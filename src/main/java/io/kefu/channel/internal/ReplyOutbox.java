package io.kefu.channel.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.kefu.platform.Text;
import io.kefu.ticket.TicketReplied;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Plain SQL over {@code channel_delivery}. A claim is one atomic UPDATE (SKIP LOCKED lets other nodes claim other
 * rows meanwhile), so no transaction is held open while a reply is on the wire.
 */
@Repository
class ReplyOutbox {

    private static final int MAX_ERROR = 1000;
    private static final int MAX_AGENT_NAME = 100;
    private static final String COLUMNS = """
            id, channel_id, ticket_id, ticket_number, article_id, recipient_id, conversation_id, text, agent_name,
            state, attempts, next_attempt_at, last_error, created_at, delivered_at""";

    private final JdbcClient jdbc;

    ReplyOutbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The new row's id, or empty when this reply is queued already (the event was handed out again). */
    Optional<Long> queue(TicketReplied reply, ChannelMessages.Conversation conversation) {
        return jdbc.sql("""
                INSERT INTO channel_delivery (channel_id, ticket_id, ticket_number, article_id, recipient_id,
                                              conversation_id, text, agent_name, state, next_attempt_at)
                VALUES (:channelId, :ticketId, :ticketNumber, :articleId, :recipientId, :conversationId, :text,
                        :agentName, 'PENDING', now())
                ON CONFLICT (article_id) DO NOTHING
                RETURNING id""")
                .param("channelId", conversation.channelId()).param("ticketId", reply.ticketId())
                .param("ticketNumber", reply.ticketNumber()).param("articleId", reply.articleId())
                .param("recipientId", conversation.senderId())
                .param("conversationId", conversation.conversationId()).param("text", reply.text())
                .param("agentName", Text.truncate(reply.authorName(), MAX_AGENT_NAME))
                .query(Long.class).optional();
    }

    /**
     * Claims due replies of enabled channels that have a connector address: marks them SENDING, counts the attempt
     * and sets when the claim lapses. With an id, only that reply.
     */
    List<ReplyDelivery> claimDue(Long id, int limit, Duration claimTimeout) {
        return jdbc.sql("""
                UPDATE channel_delivery SET state = 'SENDING', attempts = attempts + 1,
                       next_attempt_at = now() + :claimMillis * interval '1 millisecond'
                WHERE id IN (SELECT d.id FROM channel_delivery d JOIN channel c ON c.id = d.channel_id
                             WHERE d.state IN ('PENDING', 'SENDING') AND d.next_attempt_at <= now()
                               AND c.enabled AND c.connector_url IS NOT NULL
                               AND (CAST(:id AS BIGINT) IS NULL OR d.id = CAST(:id AS BIGINT))
                             ORDER BY d.next_attempt_at LIMIT :limit FOR UPDATE OF d SKIP LOCKED)
                RETURNING\s""" + COLUMNS)
                .param("claimMillis", claimTimeout.toMillis()).param("id", id).param("limit", limit)
                .query(ReplyOutbox::delivery).list();
    }

    void delivered(long id) {
        jdbc.sql("""
                UPDATE channel_delivery SET state = 'DELIVERED', delivered_at = now(), next_attempt_at = NULL
                WHERE id = :id AND state = 'SENDING'""").param("id", id).update();
    }

    void retryLater(long id, String error, Duration wait) {
        jdbc.sql("""
                UPDATE channel_delivery SET state = 'PENDING', last_error = :error,
                       next_attempt_at = now() + :waitMillis * interval '1 millisecond'
                WHERE id = :id AND state = 'SENDING'""")
                .param("id", id).param("error", Text.truncate(error, MAX_ERROR))
                .param("waitMillis", wait.toMillis()).update();
    }

    /** The channel's latest replies, newest first. */
    List<ReplyDelivery> latest(long channelId, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM channel_delivery WHERE channel_id = :channelId "
                        + "ORDER BY id DESC LIMIT :limit")
                .param("channelId", channelId).param("limit", limit).query(ReplyOutbox::delivery).list();
    }

    private static ReplyDelivery delivery(ResultSet rs, int row) throws SQLException {
        return new ReplyDelivery(rs.getLong("id"), rs.getLong("channel_id"), rs.getLong("ticket_id"),
                rs.getString("ticket_number"), rs.getLong("article_id"), rs.getString("recipient_id"),
                rs.getString("conversation_id"), rs.getString("text"), rs.getString("agent_name"),
                DeliveryState.valueOf(rs.getString("state")), rs.getInt("attempts"),
                instant(rs, "next_attempt_at"), rs.getString("last_error"), instant(rs, "created_at"),
                instant(rs, "delivered_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
