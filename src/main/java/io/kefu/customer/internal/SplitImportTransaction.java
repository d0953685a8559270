package io.kefu.customer.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.task.TaskExecutor;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An import written by several database connections at once, each in a transaction of its own, made visible all
 * together by two-phase commit. PostgreSQL runs a transaction on one core, and keeping a new customer's indexes up
 * to date is most of an import's work, so one connection per core writes about as many rows again.
 *
 * <p>When every writer is done, each prepares its transaction ({@code PREPARE TRANSACTION}: on disk, sure to
 * commit, not yet visible). The decision is then one ordinary transaction that records the import's outcome and
 * sets it {@code COMMITTING}; only after it are the prepared transactions committed and the import set
 * {@code DONE}. A stop before the decision leaves an import that is rolled back on the next start, a stop after
 * it one that is committed then ({@link ImportTransactions#settleAbandoned}).
 *
 * <p>The writers cannot see each other's rows before the commit, so a duplicate within the file must be caught
 * before its rows are handed over ({@link IdentityFingerprints}); were two writers to insert the same identity,
 * the second would wait for the first's commit, which waits for the second.
 */
final class SplitImportTransaction implements ImportTransaction {

    static final String PREFIX = "kefu-import:";
    private static final Pattern TRANSACTION_ID = Pattern.compile(PREFIX + "([0-9a-f-]{36}):[0-9]+");
    private static final Logger log = LoggerFactory.getLogger(SplitImportTransaction.class);
    private static final Object END = new Object();

    private final UUID importId;
    private final String actor;
    private final String timelineSummary;
    private final BulkCustomerWriter writer;
    private final CustomerImports imports;
    private final TransactionTemplate transactions;
    private final DataSource dataSource;
    /** Chunks not yet taken by a writer: as many as there are writers, so reading stays just ahead of writing. */
    private final BlockingQueue<Object> chunks;
    private final List<Writer> writers = new ArrayList<>();
    private volatile boolean abandoned;
    private boolean decided;
    private boolean done;

    SplitImportTransaction(UUID importId, int writerCount, String actor, String timelineSummary,
                           BulkCustomerWriter writer, CustomerImports imports, TransactionTemplate transactions,
                           DataSource dataSource, TaskExecutor executor) {
        this.importId = importId;
        this.actor = actor;
        this.timelineSummary = timelineSummary;
        this.writer = writer;
        this.imports = imports;
        this.transactions = transactions;
        this.dataSource = dataSource;
        this.chunks = new ArrayBlockingQueue<>(writerCount);
        for (int i = 0; i < writerCount; i++) {
            Writer w = new Writer(PREFIX + importId + ":" + i);
            writers.add(w);
            executor.execute(w);
        }
    }

    /**
     * The statement that commits or rolls back one of an import's prepared transactions. Its id cannot be a
     * statement's parameter: it is one of ours, built by this class or matched by {@link #importOf}.
     */
    static String endPrepared(String transactionId, boolean commit) {
        return (commit ? "COMMIT" : "ROLLBACK") + " PREPARED '" + transactionId + "'";
    }

    /** The import a prepared transaction belongs to, if it is one of an import's. */
    static Optional<UUID> importOf(String transactionId) {
        Matcher matcher = TRANSACTION_ID.matcher(transactionId);
        return matcher.matches() ? Optional.of(UUID.fromString(matcher.group(1))) : Optional.empty();
    }

    @Override
    public void write(List<BulkCustomerWriter.NewCustomer> customers) {
        hand(customers);
    }

    @Override
    public void commit(Runnable outcome) {
        writers.forEach(w -> hand(END));
        writers.forEach(Writer::awaitPrepared);
        transactions.executeWithoutResult(s -> {
            outcome.run();
            imports.markCommitting(importId);
        });
        decided = true;
        for (Writer w : writers) {
            w.commitPrepared();
        }
        imports.markDone(importId);
        done = true;
    }

    @Override
    public void close() {
        abandoned = true;
        boolean allCommitted = true;
        for (Writer w : writers) {
            w.finished.exceptionally(e -> null).join();
            allCommitted &= w.end(decided);
        }
        if (decided && !done && allCommitted) {
            imports.markDone(importId);
        }
    }

    private void hand(Object item) {
        try {
            while (!chunks.offer(item, 100, TimeUnit.MILLISECONDS)) {
                writers.forEach(Writer::throwIfFailed);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("The import was interrupted", e);
        }
    }

    /** One connection writing the chunks it takes, then preparing its transaction. */
    private final class Writer implements Runnable {

        private final String transactionId;
        private final CompletableFuture<Void> finished = new CompletableFuture<>();
        private Connection connection;
        private boolean prepared;
        private boolean committed;

        Writer(String transactionId) {
            this.transactionId = transactionId;
        }

        @Override
        @SuppressWarnings("unchecked")
        public void run() {
            try {
                connection = dataSource.getConnection();
                connection.setAutoCommit(false);
                for (Object item = next(); item != END; item = next()) {
                    writer.write(connection, (List<BulkCustomerWriter.NewCustomer>) item, actor, timelineSummary);
                }
                execute("PREPARE TRANSACTION '" + transactionId + "'");
                prepared = true;
                // the session is out of any transaction now; COMMIT PREPARED must not run in one
                connection.setAutoCommit(true);
                finished.complete(null);
            } catch (SQLException | RuntimeException e) {
                finished.completeExceptionally(e);
            }
        }

        private Object next() {
            try {
                Object item = null;
                while (item == null && !abandoned) {
                    item = chunks.poll(100, TimeUnit.MILLISECONDS);
                }
                if (item == null) {
                    throw new IllegalStateException("The import was abandoned");
                }
                return item;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("The import was interrupted", e);
            }
        }

        void throwIfFailed() {
            if (finished.isCompletedExceptionally()) {
                awaitPrepared();
            }
        }

        void awaitPrepared() {
            try {
                finished.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r
                        : new IllegalStateException("Bulk write of customers failed", e.getCause());
            }
        }

        void commitPrepared() {
            try {
                execute(endPrepared(transactionId, true));
                committed = true;
            } catch (SQLException e) {
                throw new IllegalStateException("Committing the prepared import " + transactionId + " failed", e);
            }
        }

        /**
         * Rolls back what is neither committed nor decided, commits what is decided; true if it ends committed.
         * Whatever cannot be ended now is settled on the next start.
         */
        boolean end(boolean decided) {
            if (connection == null) {
                return false;
            }
            try (Connection c = connection) {
                if (!prepared) {
                    c.rollback();
                } else if (!committed) {
                    execute(endPrepared(transactionId, decided));
                    committed = decided;
                }
            } catch (SQLException e) {
                log.warn("Could not end the prepared import {}; it is settled on the next start", transactionId, e);
            }
            return committed;
        }

        private void execute(String sql) throws SQLException {
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
        }
    }
}
