package io.kefu.email.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.kefu.platform.Text;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Plain SQL over {@code email_mailbox}. */
@Repository
class MailboxStore {

    private static final String COLUMNS = """
            id, name, address, display_name, imap_host, imap_port, imap_tls, imap_username, imap_password,
            imap_folder, smtp_host, smtp_port, smtp_tls, smtp_username, smtp_password, poll_seconds,
            signature_template, enabled, uid_validity, last_uid, last_polled_at, last_poll_error, failed_polls,
            next_poll_at, created_at""";

    private final JdbcClient jdbc;

    MailboxStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Mailbox> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM email_mailbox ORDER BY name, id").query(MailboxStore::mailbox)
                .list();
    }

    Optional<Mailbox> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM email_mailbox WHERE id = :id").param("id", id)
                .query(MailboxStore::mailbox).optional();
    }

    Optional<Long> idByAddress(String address) {
        return jdbc.sql("SELECT id FROM email_mailbox WHERE lower(address) = lower(:address)")
                .param("address", address).query(Long.class).optional();
    }

    /** Every mailbox address, lower case: mail from any of them is a loop. */
    List<String> addresses() {
        return jdbc.sql("SELECT lower(address) FROM email_mailbox").query(String.class).list();
    }

    long insert(MailboxDraft d) {
        return params(jdbc.sql("""
                INSERT INTO email_mailbox (name, address, display_name, imap_host, imap_port, imap_tls,
                    imap_username, imap_password, imap_folder, smtp_host, smtp_port, smtp_tls, smtp_username,
                    smtp_password, poll_seconds, signature_template, enabled)
                VALUES (:name, :address, :displayName, :imapHost, :imapPort, :imapTls, :imapUsername,
                    :imapPassword, :imapFolder, :smtpHost, :smtpPort, :smtpTls, :smtpUsername, :smtpPassword,
                    :pollSeconds, :signatureTemplate, :enabled)
                RETURNING id"""), d).query(Long.class).single();
    }

    /** Blank passwords keep the stored ones; a changed server or folder starts reading it from the start. */
    void update(long id, MailboxDraft d) {
        params(jdbc.sql("""
                UPDATE email_mailbox SET name = :name, address = :address, display_name = :displayName,
                    uid_validity = CASE WHEN imap_host IS DISTINCT FROM :imapHost
                                          OR imap_username IS DISTINCT FROM :imapUsername
                                          OR imap_folder IS DISTINCT FROM :imapFolder
                                        THEN NULL ELSE uid_validity END,
                    imap_host = :imapHost, imap_port = :imapPort, imap_tls = :imapTls,
                    imap_username = :imapUsername, imap_password = COALESCE(:imapPassword, imap_password),
                    imap_folder = :imapFolder, smtp_host = :smtpHost, smtp_port = :smtpPort, smtp_tls = :smtpTls,
                    smtp_username = :smtpUsername, smtp_password = COALESCE(:smtpPassword, smtp_password),
                    poll_seconds = :pollSeconds, signature_template = :signatureTemplate, enabled = :enabled,
                    failed_polls = 0, next_poll_at = now(), updated_at = now()
                WHERE id = :id"""), d).param("id", id).update();
    }

    void setEnabled(long id, boolean enabled) {
        jdbc.sql("""
                UPDATE email_mailbox SET enabled = :enabled, failed_polls = 0, next_poll_at = now(), updated_at = now()
                WHERE id = :id""").param("id", id).param("enabled", enabled).update();
    }

    /** Mailboxes whose poll interval has come round. */
    List<Long> duePolls() {
        return jdbc.sql("""
                SELECT id FROM email_mailbox WHERE enabled AND imap_host IS NOT NULL AND next_poll_at <= now()
                ORDER BY next_poll_at""").query(Long.class).list();
    }

    /** Where the folder was read up to; the UID only grows, whoever polled at the same time. */
    void advance(long id, long uidValidity, long lastUid) {
        jdbc.sql("""
                UPDATE email_mailbox SET last_uid = CASE WHEN uid_validity = :validity
                                                         THEN GREATEST(last_uid, :uid) ELSE :uid END,
                    uid_validity = :validity
                WHERE id = :id""").param("id", id).param("validity", uidValidity).param("uid", lastUid).update();
    }

    /** What a failed poll left: how many polls in a row have failed, and when the next one is due. */
    record Failures(int inARow, Instant nextPollAt) {
    }

    /**
     * Records a poll: a success polls again after the interval; each failure in a row doubles the wait (the
     * interval, twice it, four times...) up to an hour, or the interval if that is longer.
     */
    Failures polled(long id, String error) {
        return jdbc.sql("""
                UPDATE email_mailbox SET last_polled_at = now(), last_poll_error = :error,
                    failed_polls = CASE WHEN :failed THEN failed_polls + 1 ELSE 0 END,
                    next_poll_at = now() + interval '1 second' * CASE WHEN :failed
                        THEN LEAST(poll_seconds * power(2, LEAST(failed_polls, 20)), GREATEST(poll_seconds, 3600))
                        ELSE poll_seconds END
                WHERE id = :id
                RETURNING failed_polls, next_poll_at""")
                .param("id", id).param("error", Text.truncate(error, 1000)).param("failed", error != null)
                .query((rs, n) -> new Failures(rs.getInt(1), instant(rs, "next_poll_at"))).single();
    }

    private static JdbcClient.StatementSpec params(JdbcClient.StatementSpec sql, MailboxDraft d) {
        return sql.param("name", d.name()).param("address", d.address()).param("displayName", d.displayName())
                .param("imapHost", d.imapHost()).param("imapPort", d.imapPort()).param("imapTls", d.imapTls())
                .param("imapUsername", d.imapUsername()).param("imapPassword", d.imapPassword())
                .param("imapFolder", d.imapFolder()).param("smtpHost", d.smtpHost()).param("smtpPort", d.smtpPort())
                .param("smtpTls", d.smtpTls()).param("smtpUsername", d.smtpUsername())
                .param("smtpPassword", d.smtpPassword()).param("pollSeconds", d.pollSeconds())
                .param("signatureTemplate", d.signatureTemplate()).param("enabled", d.enabled());
    }

    private static Mailbox mailbox(ResultSet rs, int row) throws SQLException {
        return new Mailbox(rs.getLong("id"), rs.getString("name"), rs.getString("address"),
                rs.getString("display_name"), rs.getString("imap_host"), rs.getObject("imap_port", Integer.class),
                rs.getBoolean("imap_tls"), rs.getString("imap_username"), rs.getString("imap_password"),
                rs.getString("imap_folder"), rs.getString("smtp_host"), rs.getObject("smtp_port", Integer.class),
                rs.getBoolean("smtp_tls"), rs.getString("smtp_username"), rs.getString("smtp_password"),
                rs.getInt("poll_seconds"), rs.getString("signature_template"), rs.getBoolean("enabled"),
                rs.getObject("uid_validity", Long.class), rs.getLong("last_uid"),
                instant(rs, "last_polled_at"), rs.getString("last_poll_error"), rs.getInt("failed_polls"),
                instant(rs, "next_poll_at"), instant(rs, "created_at"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        java.sql.Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
