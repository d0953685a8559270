package io.kefu.customer.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
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

    /** An import whose node is none of the live ones (imports from before nodes were recorded have none). */
    private static final String ABANDONED = "(node_id IS NULL OR NOT node_id = ANY (:alive))";

    private final JdbcClient jdbc;
    private final TransactionTemplate separately;

    CustomerImports(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.separately = new TransactionTemplate(transactions);
        separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** An import waiting its turn on this node. */
    void begin(UUID id, String fileName, String by, UUID node) {
        separately.executeWithoutResult(s -> jdbc.sql("""
                INSERT INTO customer_import (id, file_name, status, created_by, node_id)
                VALUES (:id, :file, 'QUEUED', :by, :node)""")
                .param("id", id).param("file", fileName).param("by", by).param("node", node).update());
    }

    /**
     * A queued import's turn has come; false if it was failed meanwhile (by another node, when this one's heartbeat
     * seemed to have stopped: {@link AbandonedImports}).
     */
    boolean markRunning(UUID id) {
        return separately.execute(s -> jdbc.sql(
                "UPDATE customer_import SET status = 'RUNNING' WHERE id = :id AND status = 'QUEUED'")
                .param("id", id).update()) == 1;
    }

    /**
     * Progress is shown, not kept: its commit does not wait for the disk, so it does not queue behind the
     * import's own writing. A stop loses at most the last update, and the import then fails anyway.
     */
    void progress(UUID id, ImportCounts counts) {
        separately.executeWithoutResult(s -> {
            jdbc.sql("SET LOCAL synchronous_commit = off").update();
            updateCounts(id, counts);
        });
    }

    /** The counts, report and end of an import, in the transaction that commits its rows (or decides to). */
    void recordOutcome(UUID id, ImportCounts counts, String report) {
        counts(jdbc.sql("""
                UPDATE customer_import SET total_rows = :total, processed_rows = :processed, imported = :imported,
                    duplicates = :duplicates, rejected = :rejected, rejected_report = :report, finished_at = now()
                WHERE id = :id"""), id, counts).param("report", report).update();
    }

    private void updateCounts(UUID id, ImportCounts counts) {
        counts(jdbc.sql("""
                UPDATE customer_import SET total_rows = :total, processed_rows = :processed, imported = :imported,
                    duplicates = :duplicates, rejected = :rejected WHERE id = :id"""), id, counts).update();
    }

    private static JdbcClient.StatementSpec counts(JdbcClient.StatementSpec statement, UUID id, ImportCounts counts) {
        return statement.param("id", id).param("total", counts.total()).param("processed", counts.processed())
                .param("imported", counts.imported()).param("duplicates", counts.duplicates())
                .param("rejected", counts.rejected());
    }

    /**
     * The decision to commit an import whose rows are prepared in several transactions; refused if the import
     * was meanwhile failed (by another node, when this one seemed gone).
     */
    void markCommitting(UUID id) {
        int marked = jdbc.sql("UPDATE customer_import SET status = 'COMMITTING' WHERE id = :id AND status = 'RUNNING'")
                .param("id", id).update();
        if (marked != 1) {
            throw new IllegalStateException("Import " + id + " is no longer running");
        }
    }

    boolean isCommitting(UUID id) {
        return jdbc.sql("SELECT count(*) FROM customer_import WHERE id = :id AND status = 'COMMITTING'")
                .param("id", id).query(Integer.class).single() == 1;
    }

    /** Whether the import runs on one of these nodes, which are alive: its parts are its node's to settle. */
    boolean runsOn(UUID id, Set<UUID> nodes) {
        return jdbc.sql("SELECT count(*) FROM customer_import WHERE id = :id AND node_id = ANY (:nodes)")
                .param("id", id).param("nodes", nodes.toArray(UUID[]::new)).query(Integer.class).single() == 1;
    }

    /** False if the import was no longer running or committing (failed meanwhile, or done by another node). */
    boolean markDone(UUID id) {
        return jdbc.sql("""
                UPDATE customer_import SET status = 'DONE' WHERE id = :id AND status IN ('RUNNING', 'COMMITTING')""")
                .param("id", id).update() == 1;
    }

    /** Imports of nodes no longer alive whose prepared rows were committed for them. */
    void markAbandonedCommittingDone(Set<UUID> alive) {
        jdbc.sql("UPDATE customer_import SET status = 'DONE' WHERE status = 'COMMITTING' AND " + ABANDONED)
                .param("alive", alive.toArray(UUID[]::new)).update();
    }

    /** Nothing of a failed import stays: its rows were in the transactions that failed. */
    void fail(UUID id, String reason) {
        separately.executeWithoutResult(s -> jdbc.sql("""
                UPDATE customer_import SET status = 'FAILED', imported = 0, failure = :reason, finished_at = now()
                WHERE id = :id AND status IN ('QUEUED', 'RUNNING')""").param("id", id).param("reason", reason)
                .update());
    }

    /**
     * Imports of nodes no longer alive that were not decided (their rows were rolled back), and those that were
     * still waiting their turn there.
     */
    int failAbandoned(Set<UUID> alive) {
        return jdbc.sql("""
                UPDATE customer_import SET status = 'FAILED', imported = 0, failure = 'interrupted',
                    finished_at = now() WHERE status IN ('QUEUED', 'RUNNING') AND """ + ABANDONED)
                .param("alive", alive.toArray(UUID[]::new)).update();
    }

    Optional<ImportStatus> find(UUID id) {
        return jdbc.sql("""
                SELECT id, file_name, status, total_rows, processed_rows, imported, duplicates, rejected, failure,
                    created_by, created_at, finished_at FROM customer_import WHERE id = :id""")
                .param("id", id)
                .query((rs, n) -> new ImportStatus(rs.getObject(1, UUID.class), rs.getString(2), shown(rs.getString(3)),
                        rs.getInt(4), rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getString(9),
                        rs.getString(10), rs.getTimestamp(11).toInstant(), instant(rs.getTimestamp(12))))
                .optional();
    }

    Optional<String> report(UUID id) {
        return jdbc.sql("SELECT rejected_report FROM customer_import WHERE id = :id").param("id", id)
                .query(String.class).optional();
    }

    /** Committing is the last moment of running: its rows are not visible yet. */
    private static String shown(String status) {
        return "COMMITTING".equals(status) ? "RUNNING" : status;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
