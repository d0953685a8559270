package io.kefu.channel.internal;

import java.sql.Timestamp;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Plain SQL over {@code channel_message}: the messages channels delivered, and the tickets they landed on. */
@Repository
class ChannelMessages {

    private final JdbcClient jdbc;

    ChannelMessages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Where an earlier delivery of a message landed. */
    record Landed(long ticketId, long articleId) {
    }

    /** A ticket's conversation on a channel: where replies go. */
    record Conversation(long channelId, String senderId, String conversationId) {
    }

    /**
     * Claims the message id for the caller's transaction. False when it was delivered before; a concurrent delivery
     * of the same id waits here until the first one commits (then this is false) or rolls back (then true).
     */
    boolean claim(long channelId, InboundMessage message) {
        return jdbc.sql("""
                INSERT INTO channel_message (channel_id, message_id, sender_id, conversation_id, sent_at)
                VALUES (:channelId, :messageId, :senderId, :conversationId, :sentAt)
                ON CONFLICT (channel_id, message_id) DO NOTHING""")
                .param("channelId", channelId).param("messageId", message.messageId())
                .param("senderId", message.sender().id()).param("conversationId", message.conversationId())
                .param("sentAt", message.sentAt() == null ? null : Timestamp.from(message.sentAt()))
                .update() == 1;
    }

    void landed(long channelId, String messageId, long customerId, long ticketId, long articleId) {
        jdbc.sql("""
                UPDATE channel_message SET customer_id = :customerId, ticket_id = :ticketId, article_id = :articleId
                WHERE channel_id = :channelId AND message_id = :messageId""")
                .param("channelId", channelId).param("messageId", messageId).param("customerId", customerId)
                .param("ticketId", ticketId).param("articleId", articleId).update();
    }

    Landed landing(long channelId, String messageId) {
        return jdbc.sql("""
                SELECT ticket_id, article_id FROM channel_message
                WHERE channel_id = :channelId AND message_id = :messageId""")
                .param("channelId", channelId).param("messageId", messageId)
                .query((rs, row) -> new Landed(rs.getLong("ticket_id"), rs.getLong("article_id"))).single();
    }

    /**
     * Holds the sender's later messages on this channel until the caller's transaction ends, so that two messages
     * arriving at once from a new sender thread onto one ticket instead of opening two.
     */
    void lockSender(long channelId, String senderId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(CAST(:channelId AS INT), hashtext(:senderId))")
                .param("channelId", channelId).param("senderId", senderId).query((rs, row) -> 0).list();
    }

    /** The customer this sender's earlier messages on the channel were resolved to. */
    Optional<Long> customerOf(long channelId, String senderId) {
        return jdbc.sql("""
                SELECT customer_id FROM channel_message
                WHERE channel_id = :channelId AND sender_id = :senderId AND customer_id IS NOT NULL
                ORDER BY received_at DESC LIMIT 1""")
                .param("channelId", channelId).param("senderId", senderId).query(Long.class).optional();
    }

    Optional<Long> ticketOfConversation(long channelId, String conversationId) {
        return jdbc.sql("""
                SELECT ticket_id FROM channel_message
                WHERE channel_id = :channelId AND conversation_id = :conversationId AND ticket_id IS NOT NULL
                ORDER BY received_at DESC LIMIT 1""")
                .param("channelId", channelId).param("conversationId", conversationId).query(Long.class)
                .optional();
    }

    /** The conversation the customer last wrote in on this ticket, if she wrote through a channel. */
    Optional<Conversation> conversationOf(long ticketId) {
        return jdbc.sql("""
                SELECT channel_id, sender_id, conversation_id FROM channel_message
                WHERE ticket_id = :ticketId ORDER BY received_at DESC LIMIT 1""")
                .param("ticketId", ticketId)
                .query((rs, row) -> new Conversation(rs.getLong("channel_id"), rs.getString("sender_id"),
                        rs.getString("conversation_id"))).optional();
    }
}
