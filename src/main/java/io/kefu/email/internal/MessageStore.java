package io.kefu.email.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.kefu.email.MailKind;
import io.kefu.platform.Text;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Plain SQL over {@code email_message}, and the threading questions asked of it and of the outbox. */
@Repository
class MessageStore {

    private static final String COLUMNS = """
            id, mailbox_id, message_key, kind, ticket_id, from_address, from_name, subject, error, received_at,
            octet_length(raw) AS size""";

    private final JdbcClient jdbc;

    MessageStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The new row's id, or empty when the mailbox has this message already. */
    Optional<Long> insert(long mailboxId, String key, byte[] raw) {
        return jdbc.sql("""
                INSERT INTO email_message (mailbox_id, message_key, kind, raw) VALUES (:mailbox, :key, 'FAILED', :raw)
                ON CONFLICT (mailbox_id, message_key) DO NOTHING RETURNING id""")
                .param("mailbox", mailboxId).param("key", key).param("raw", raw).query(Long.class).optional();
    }

    Optional<Long> idByKey(long mailboxId, String key) {
        return jdbc.sql("SELECT id FROM email_message WHERE mailbox_id = :mailbox AND message_key = :key")
                .param("mailbox", mailboxId).param("key", key).query(Long.class).optional();
    }

    void classify(long id, ParsedMail mail, MailKind kind, Long ticketId, String error) {
        jdbc.sql("""
                UPDATE email_message SET kind = :kind, ticket_id = :ticket, from_address = :fromAddress,
                    from_name = :fromName, subject = :subject, error = :error
                WHERE id = :id""")
                .param("id", id).param("kind", kind.name()).param("ticket", ticketId)
                .param("fromAddress", mail == null ? null : Text.truncate(mail.fromAddress(), 320))
                .param("fromName", mail == null ? null : Text.truncate(mail.fromName(), 200))
                .param("subject", mail == null ? null : Text.truncate(mail.subject(), 1000))
                .param("error", Text.truncate(error, 1000)).update();
    }

    /** A failed message whose retry failed again: the new reason. */
    void failed(long id, String error) {
        jdbc.sql("UPDATE email_message SET kind = 'FAILED', error = :error WHERE id = :id")
                .param("id", id).param("error", Text.truncate(error, 1000)).update();
    }

    Optional<MessageEntry> find(long mailboxId, long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM email_message WHERE id = :id AND mailbox_id = :mailbox")
                .param("id", id).param("mailbox", mailboxId).query(MessageStore::entry).optional();
    }

    /** The row locked for a retry, if it is still FAILED. */
    Optional<byte[]> lockFailed(long mailboxId, long id) {
        return jdbc.sql("""
                SELECT raw FROM email_message WHERE id = :id AND mailbox_id = :mailbox AND kind = 'FAILED'
                FOR UPDATE""").param("id", id).param("mailbox", mailboxId).query(byte[].class).optional();
    }

    Optional<byte[]> raw(long mailboxId, long id) {
        return jdbc.sql("SELECT raw FROM email_message WHERE id = :id AND mailbox_id = :mailbox")
                .param("id", id).param("mailbox", mailboxId).query(byte[].class).optional();
    }

    /** Newest first; {@code kind} null for all. */
    List<MessageEntry> log(long mailboxId, MailKind kind, Long beforeId, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + """
                 FROM email_message WHERE mailbox_id = :mailbox
                  AND (CAST(:kind AS VARCHAR) IS NULL OR kind = :kind)
                  AND (CAST(:before AS BIGINT) IS NULL OR id < :before)
                ORDER BY id DESC LIMIT :limit""")
                .param("mailbox", mailboxId).param("kind", kind == null ? null : kind.name())
                .param("before", beforeId).param("limit", limit).query(MessageStore::entry).list();
    }

    /**
     * The ticket of the first of these Message-IDs that we stored, inbound or sent: the ids come newest first, so
     * a reply lands on the ticket of the message it answers even when its References go back further.
     */
    Optional<Long> ticketOf(List<String> messageIds) {
        if (messageIds.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Long> tickets = new HashMap<>();
        jdbc.sql("""
                SELECT message_key AS message_id, ticket_id FROM email_message
                WHERE message_key IN (:ids) AND ticket_id IS NOT NULL AND kind = 'TICKET'
                UNION ALL
                SELECT message_id, ticket_id FROM email_outbox WHERE message_id IN (:ids)""")
                .param("ids", messageIds)
                .query((rs, row) -> tickets.putIfAbsent(rs.getString("message_id"), rs.getLong("ticket_id")))
                .list();
        return messageIds.stream().filter(tickets::containsKey).map(tickets::get).findFirst();
    }

    /** Where a ticket's email thread stands: the mailbox and address of its customer's latest mail. */
    Optional<Thread> thread(long ticketId) {
        return jdbc.sql("""
                SELECT mailbox_id, from_address FROM email_message
                WHERE ticket_id = :ticket AND kind = 'TICKET' AND from_address IS NOT NULL
                ORDER BY id DESC LIMIT 1""").param("ticket", ticketId)
                .query((rs, row) -> new Thread(rs.getLong("mailbox_id"), rs.getString("from_address")))
                .optional();
    }

    /** The Message-IDs of a ticket's thread, inbound and sent, oldest first. */
    List<String> chain(long ticketId) {
        return jdbc.sql("""
                SELECT message_id FROM (
                    SELECT message_key AS message_id, received_at AS at, id FROM email_message
                    WHERE ticket_id = :ticket AND kind = 'TICKET' AND message_key LIKE '<%'
                    UNION ALL
                    SELECT message_id, created_at, id FROM email_outbox WHERE ticket_id = :ticket) thread
                ORDER BY at, id""").param("ticket", ticketId).query(String.class).list();
    }

    /** The mailbox and customer address replies on a ticket go to. */
    record Thread(long mailboxId, String customerAddress) {
    }

    private static MessageEntry entry(ResultSet rs, int row) throws SQLException {
        return new MessageEntry(rs.getLong("id"), rs.getLong("mailbox_id"), rs.getString("message_key"),
                MailKind.valueOf(rs.getString("kind")), rs.getObject("ticket_id", Long.class),
                rs.getString("from_address"), rs.getString("from_name"), rs.getString("subject"),
                rs.getString("error"), MailboxStore.instant(rs, "received_at"), rs.getInt("size"));
    }
}
