package io.kefu.customer.internal;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Chooses how an import is written: by one connection per core (up to {@value #MAX_WRITERS}) when the database
 * may prepare transactions ({@code max_prepared_transactions}, set by the embedded server), otherwise in one
 * transaction. Settles the imports a stop of their node cut short between their writers' prepare and commit.
 */
@Component
class ImportTransactions {

    static final int MAX_WRITERS = 4;
    private static final Logger log = LoggerFactory.getLogger(ImportTransactions.class);

    private final DataSource dataSource;
    private final PlatformTransactionManager transactionManager;
    private final TransactionTemplate transactions;
    private final BulkCustomerWriter writer;
    private final CustomerImports imports;
    private final JdbcClient jdbc;
    private final TaskExecutor executor;

    ImportTransactions(DataSource dataSource, PlatformTransactionManager transactionManager, BulkCustomerWriter writer,
                       CustomerImports imports, JdbcClient jdbc) {
        this.dataSource = dataSource;
        this.transactionManager = transactionManager;
        this.transactions = new TransactionTemplate(transactionManager);
        this.writer = writer;
        this.imports = imports;
        this.jdbc = jdbc;
        this.executor = ImportThreads.NEW_THREAD_EACH;
    }

    ImportTransaction begin(UUID importId, String actor, String timelineSummary) {
        return begin(importId, actor, timelineSummary, writers());
    }

    ImportTransaction begin(UUID importId, String actor, String timelineSummary, int writerCount) {
        return writerCount > 1
                ? new SplitImportTransaction(importId, writerCount, actor, timelineSummary, writer, imports,
                        transactions, dataSource, executor)
                : new SingleImportTransaction(importId, actor, timelineSummary, dataSource, transactionManager, writer,
                        imports);
    }

    /** One per core, and at most half the prepared transactions the database allows, so two imports fit. */
    int writers() {
        int slots = jdbc.sql("SELECT current_setting('max_prepared_transactions')::int").query(Integer.class).single();
        return Math.min(Math.min(Runtime.getRuntime().availableProcessors(), MAX_WRITERS), slots / 2);
    }

    /**
     * Commits the prepared transactions of imports that were decided (their outcome recorded) and rolls back the
     * others, for the imports of nodes no longer alive; those imports' records are settled by
     * {@link AbandonedImports}. A live node's prepared transactions are its own business.
     */
    int settleAbandoned(Set<UUID> alive) {
        List<String> prepared = jdbc.sql("""
                SELECT gid FROM pg_prepared_xacts WHERE database = current_database() AND gid LIKE :prefix
                ORDER BY gid""").param("prefix", SplitImportTransaction.PREFIX + "%").query(String.class).list();
        int settled = 0;
        for (String transactionId : prepared) {
            Optional<UUID> importId = SplitImportTransaction.importOf(transactionId);
            if (importId.isEmpty() || imports.runsOn(importId.get(), alive)) {
                continue;
            }
            boolean decided = imports.isCommitting(importId.get());
            jdbc.sql(SplitImportTransaction.endPrepared(transactionId, decided)).update();
            log.warn("{} the prepared part {} of an import whose node stopped", decided ? "Committed" : "Rolled back",
                    transactionId);
            settled++;
        }
        imports.markAbandonedCommittingDone(alive);
        return settled;
    }
}
