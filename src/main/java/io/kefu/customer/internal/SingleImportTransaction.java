package io.kefu.customer.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;

/** One database transaction on the caller's thread, for a database that cannot prepare transactions. */
final class SingleImportTransaction implements ImportTransaction {

    private final UUID importId;
    private final String actor;
    private final String timelineSummary;
    private final DataSource dataSource;
    private final PlatformTransactionManager transactions;
    private final BulkCustomerWriter writer;
    private final CustomerImports imports;
    private final TransactionStatus status;

    SingleImportTransaction(UUID importId, String actor, String timelineSummary, DataSource dataSource,
                            PlatformTransactionManager transactions, BulkCustomerWriter writer,
                            CustomerImports imports) {
        this.importId = importId;
        this.actor = actor;
        this.timelineSummary = timelineSummary;
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.writer = writer;
        this.imports = imports;
        this.status = transactions.getTransaction(new DefaultTransactionDefinition());
    }

    @Override
    public void write(List<BulkCustomerWriter.NewCustomer> customers) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            writer.write(connection, customers, actor, timelineSummary);
        } catch (SQLException e) {
            throw new IllegalStateException("Bulk write of customers failed", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    @Override
    public void commit(Runnable outcome) {
        outcome.run();
        if (!imports.markDone(importId)) {
            // failed meanwhile (by another node, when this one seemed gone): its rows must not stay either
            throw new IllegalStateException("Import " + importId + " is no longer running");
        }
        transactions.commit(status);
    }

    @Override
    public void close() {
        if (!status.isCompleted()) {
            transactions.rollback(status);
        }
    }
}
