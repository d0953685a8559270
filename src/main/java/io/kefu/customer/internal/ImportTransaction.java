package io.kefu.customer.internal;

import java.util.List;

/**
 * Where an import's new customers are written until it ends: all of them become visible at once when it commits,
 * none if it fails or the application stops first. {@link ImportTransactions} chooses how.
 */
interface ImportTransaction extends AutoCloseable {

    /** Hands over customers to write; may return before they are written, and fails if an earlier write failed. */
    void write(List<BulkCustomerWriter.NewCustomer> customers);

    /**
     * Waits for every write, then makes them visible together with what {@code outcome} records (the import's
     * counts and report, its audit entry), which runs in a transaction of the caller's thread.
     */
    void commit(Runnable outcome);

    /** Discards everything not committed. */
    @Override
    void close();
}
