package io.kefu.customer.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The record of each import and its progress. Progress is written in transactions of its own, so it can be
 * watched while the import's own transaction, which holds all its rows, is still open.
 */
@Repository
class CustomerImports {

    private final JdbcClient jdbc;
    private final TransactionTemplate separately;

    CustomerImports(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.separately = new TransactionTemplate(transactions);
        separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    void begin(UUID id, String fileName, String by) {
        separately.executeWithoutResult(s -> jdbc.sql("""
                INSERT INTO customer_import (id, file_name, status, created_by) VALUES (:id, :file, 'RUNNING', :by)""")
                .param("id", id).param("file", fileName).param("by", by).update());
    }

    void progress(UUID id, int total, int processed, int imported, int duplicates, int rejected) {
        separately.executeWithoutResult(s -> jdbc.sql("""
                UPDATE customer_import SET total_rows = :total, processed_rows = :processed, imported = :imported,
                    duplicates = :duplicates, rejected = :rejected WHERE id = :id""")
                .param("id", id).param("total", total).param("processed", processed).param("imported", imported)
                .param("duplicates", duplicates).param("rejected", rejected).update());
    }

    void finish(UUID id, String report) {
        separately.executeWithoutResult(s -> jdbc.sql("""
                UPDATE customer_import SET status = 'DONE', rejected_report = :report, finished_at = now()
                WHERE id = :id""").param("id", id).param("report", report).update());
    }

    /** Nothing of a failed import stays: its rows were in the transaction that failed. */
    void fail(UUID id, String reason) {
        separately.executeWithoutResult(s -> jdbc.sql("""
                UPDATE customer_import SET status = 'FAILED', imported = 0, failure = :reason, finished_at = now()
                WHERE id = :id""").param("id", id).param("reason", reason).update());
    }

    /** Imports cut short by a stop of the application: their transaction was rolled back. */
    int failInterrupted() {
        return jdbc.sql("""
                UPDATE customer_import SET status = 'FAILED', imported = 0, failure = 'interrupted',
                    finished_at = now() WHERE status = 'RUNNING'""").update();
    }

    Optional<ImportStatus> find(UUID id) {
        return jdbc.sql("""
                SELECT id, file_name, status, total_rows, processed_rows, imported, duplicates, rejected, failure,
                    created_by, created_at, finished_at FROM customer_import WHERE id = :id""")
                .param("id", id)
                .query((rs, n) -> new ImportStatus(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getInt(4), rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getString(9),
                        rs.getString(10), rs.getTimestamp(11).toInstant(), instant(rs.getTimestamp(12))))
                .optional();
    }

    Optional<String> report(UUID id) {
        return jdbc.sql("SELECT rejected_report FROM customer_import WHERE id = :id").param("id", id)
                .query(String.class).optional();
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
