package io.kefu.email.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.kefu.platform.Text;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Plain SQL over {@code email_outbox}: one row per agent reply sent by email. */
@Repository
class OutboxStore {

    private static final String COLUMNS = """
            id, mailbox_id, ticket_id, article_id, message_id, in_reply_to, reference_ids, to_address, subject, body,
            state, attempts, last_error, next_attempt_at, created_at, sent_at""";

    private final JdbcClient jdbc;

    OutboxStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The new row's id, or empty when this reply was queued already (an event handed out again). */
    Optional<Long> insert(long mailboxId, long ticketId, long articleId, String messageId, String inReplyTo,
                          String referenceIds, String to, String subject, String body, String authorName) {
        return jdbc.sql("""
                INSERT INTO email_outbox (mailbox_id, ticket_id, article_id, message_id, in_reply_to, reference_ids,
                    to_address, subject, body, author_name, state, next_attempt_at)
                VALUES (:mailbox, :ticket, :article, :messageId, :inReplyTo, :references, :to, :subject, :body,
                    :author, 'PENDING', now())
                ON CONFLICT (article_id) DO NOTHING RETURNING id""")
                .param("mailbox", mailboxId).param("ticket", ticketId).param("article", articleId)
                .param("messageId", messageId).param("inReplyTo", inReplyTo).param("references", referenceIds)
                .param("to", to).param("subject", Text.truncate(subject, 1000)).param("body", body)
                .param("author", Text.truncate(authorName, 100)).query(Long.class).optional();
    }

    Optional<OutboxEntry> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM email_outbox WHERE id = :id").param("id", id)
                .query(OutboxStore::entry).optional();
    }

    List<OutboxEntry> ofMailbox(long mailboxId, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM email_outbox WHERE mailbox_id = :mailbox ORDER BY id DESC LIMIT :limit")
                .param("mailbox", mailboxId).param("limit", limit).query(OutboxStore::entry).list();
    }

    void sent(long id) {
        jdbc.sql("""
                UPDATE email_outbox SET state = 'SENT', attempts = attempts + 1, sent_at = now(), last_error = NULL,
                    next_attempt_at = NULL WHERE id = :id""").param("id", id).update();
    }

    void retryLater(long id, String error, Duration wait) {
        jdbc.sql("""
                UPDATE email_outbox SET attempts = attempts + 1, last_error = :error,
                    next_attempt_at = now() + :waitMillis * interval '1 millisecond'
                WHERE id = :id""").param("id", id).param("error", Text.truncate(error, 1000))
                .param("waitMillis", wait.toMillis()).update();
    }

    void failed(long id, String error) {
        jdbc.sql("""
                UPDATE email_outbox SET state = 'FAILED', attempts = attempts + 1, last_error = :error,
                    next_attempt_at = NULL WHERE id = :id""").param("id", id).param("error", Text.truncate(error, 1000))
                .update();
    }

    /** An administrator's retry: due now. */
    void requeue(long id) {
        jdbc.sql("UPDATE email_outbox SET state = 'PENDING', next_attempt_at = now() WHERE id = :id AND state <> 'SENT'")
                .param("id", id).update();
    }

    private static OutboxEntry entry(ResultSet rs, int row) throws SQLException {
        return new OutboxEntry(rs.getLong("id"), rs.getLong("mailbox_id"), rs.getLong("ticket_id"),
                rs.getLong("article_id"), rs.getString("message_id"), rs.getString("in_reply_to"),
                rs.getString("reference_ids"), rs.getString("to_address"), rs.getString("subject"),
                rs.getString("body"), rs.getString("state"), rs.getInt("attempts"), rs.getString("last_error"),
                MailboxStore.instant(rs, "next_attempt_at"), MailboxStore.instant(rs, "created_at"),
                MailboxStore.instant(rs, "sent_at"));
    }
}
