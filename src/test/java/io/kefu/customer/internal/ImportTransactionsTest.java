package io.kefu.customer.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import io.kefu.KefuTest;
import io.kefu.customer.CustomerIdentity;
import io.kefu.customer.CustomerType;
import io.kefu.customer.IdentityKind;
import io.kefu.platform.ClusterNodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An import's rows are committed all together or not at all, whether one transaction or several writers hold
 * them, and when their node stops between the writers' prepare and their commit; a node leaves the imports of
 * the other live nodes alone.
 */
@KefuTest
class ImportTransactionsTest {

    @Autowired
    ImportTransactions transactions;
    @Autowired
    CustomerImports imports;
    @Autowired
    CustomerRepository customers;
    @Autowired
    BulkCustomerWriter writer;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ClusterNodes nodes;
    @Autowired
    AbandonedImports abandoned;

    @ParameterizedTest(name = "{0} writer(s)")
    @ValueSource(ints = {1, 3})
    void rowsBecomeVisibleTogetherWhenTheImportCommits(int writers) {
        UUID id = begin();
        List<CustomerIdentity> phones = phones(6);
        try (ImportTransaction transaction = transactions.begin(id, "admin", "test", writers)) {
            phones.forEach(p -> transaction.write(List.of(customer(p))));
            assertThat(seenElsewhere(phones)).as("nothing before the commit").isEmpty();
            transaction.commit(() -> imports.recordOutcome(id, new ImportCounts(6, 6, 6, 0, 0), ""));
        }
        assertThat(seenElsewhere(phones)).hasSize(6);
        assertThat(status(id)).isEqualTo("DONE");
        assertThat(preparedOf(id)).isZero();
    }

    @ParameterizedTest(name = "{0} writer(s)")
    @ValueSource(ints = {1, 3})
    void anImportClosedWithoutCommittingLeavesNothing(int writers) {
        UUID id = begin();
        List<CustomerIdentity> phones = phones(6);
        try (ImportTransaction transaction = transactions.begin(id, "admin", "test", writers)) {
            phones.forEach(p -> transaction.write(List.of(customer(p))));
        }
        assertThat(seenElsewhere(phones)).isEmpty();
        assertThat(status(id)).isEqualTo("RUNNING");
        assertThat(preparedOf(id)).isZero();
    }

    @Test
    void preparedPartsOfAnImportWhoseNodeStoppedAreSettledAndALiveNodesAreLeftAlone() throws SQLException {
        // The node is alive while its imports are set up, so that the recurring check leaves them alone until it stops.
        UUID stopped = UUID.randomUUID();
        jdbc.sql("INSERT INTO kefu_node (id, seen_at) VALUES (?, now())").param(stopped).update();
        UUID decided = begin(stopped);
        UUID undecided = begin(stopped);
        UUID live = begin(nodes.self());
        CustomerIdentity kept = phones(1).get(0);
        CustomerIdentity dropped = phones(1).get(0);
        CustomerIdentity pending = phones(1).get(0);
        prepare(decided, kept);
        prepare(undecided, dropped);
        prepare(live, pending);
        imports.markCommitting(decided);
        assertThat(status(decided)).as("shown as running until its rows are visible").isEqualTo("RUNNING");
        jdbc.sql("DELETE FROM kefu_node WHERE id = ?").param(stopped).update();
        try {
            abandoned.settle();

            assertThat(seenElsewhere(List.of(kept, dropped, pending))).containsOnlyKeys(kept);
            assertThat(status(decided)).isEqualTo("DONE");
            assertThat(status(undecided)).isEqualTo("FAILED");
            assertThat(preparedOf(decided) + preparedOf(undecided)).isZero();
            assertThat(status(live)).as("its node is alive").isEqualTo("RUNNING");
            assertThat(preparedOf(live)).isEqualTo(1);
        } finally {
            jdbc.sql("ROLLBACK PREPARED '" + SplitImportTransaction.PREFIX + live + ":0'").update();
        }
    }

    @Test
    void anImportIsFailedOnlyOnceItsNodeIsSilentOrGone() {
        UUID otherLiveNode = UUID.randomUUID();
        UUID silentNode = UUID.randomUUID();
        UUID goneNode = UUID.randomUUID();
        // All alive while their imports are set up, so that the recurring check leaves them alone until then.
        jdbc.sql("INSERT INTO kefu_node (id, seen_at) VALUES (?, now()), (?, now()), (?, now())")
                .params(otherLiveNode, silentNode, goneNode).update();
        UUID waitingElsewhere = UUID.randomUUID();
        imports.begin(waitingElsewhere, "elsewhere.csv", "admin", otherLiveNode);
        UUID runningElsewhere = begin(otherLiveNode);
        UUID ofSilentNode = begin(silentNode);
        UUID ofGoneNode = begin(goneNode);
        jdbc.sql("UPDATE kefu_node SET seen_at = now() - interval '5 minutes' WHERE id = ?").param(silentNode).update();
        jdbc.sql("DELETE FROM kefu_node WHERE id = ?").param(goneNode).update();

        // the recurring check, every 15 s, may come first: what matters is the outcome, whoever settled
        abandoned.settle();

        assertThat(status(waitingElsewhere)).isEqualTo("QUEUED");
        assertThat(status(runningElsewhere)).isEqualTo("RUNNING");
        assertThat(imports.find(ofSilentNode).orElseThrow().failure()).isEqualTo("interrupted");
        assertThat(status(ofGoneNode)).isEqualTo("FAILED");
    }

    @Test
    void foreignKeysAreCheckedAgainRightAfterABulkWrite() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            writer.write(connection, List.of(customer(phones(1).get(0))), "admin", "test");
            try (Statement statement = connection.createStatement()) {
                assertThatThrownBy(() -> statement.execute(
                        "INSERT INTO customer_identity (customer_id, kind, value) VALUES (-1, 'EMAIL', 'x@y.cn')"))
                        .isInstanceOfSatisfying(SQLException.class,
                                e -> assertThat(e.getSQLState()).isEqualTo("23503"));
            }
            connection.rollback();
        }
    }

    @Test
    void theCustomerTablesHaveNoTriggerABulkWriteWouldSkip() {
        // BulkCustomerWriter runs its COPYs in the replica role, which skips ordinary triggers as well as the
        // foreign key checks it means to skip: a trigger added to these tables must be run by it some other way
        assertThat(jdbc.sql("""
                SELECT tgname FROM pg_trigger
                WHERE tgrelid IN ('customer'::regclass, 'customer_identity'::regclass, 'customer_timeline'::regclass)
                  AND NOT tgisinternal""").query(String.class).list()).isEmpty();
    }

    private UUID begin() {
        return begin(nodes.self());
    }

    private UUID begin(UUID node) {
        UUID id = UUID.randomUUID();
        imports.begin(id, "test.csv", "admin", node);
        assertThat(imports.markRunning(id)).isTrue();
        return id;
    }

    private void prepare(UUID importId, CustomerIdentity phone) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            writer.write(connection, List.of(customer(phone)), "admin", "test");
            try (Statement statement = connection.createStatement()) {
                statement.execute("PREPARE TRANSACTION '" + SplitImportTransaction.PREFIX + importId + ":0'");
            }
            connection.setAutoCommit(true);
        }
    }

    /** Read on another thread, outside any transaction the test's thread may hold. */
    private Map<CustomerIdentity, Long> seenElsewhere(List<CustomerIdentity> identities) {
        return CompletableFuture.supplyAsync(() -> customers.holdersOf(identities)).join();
    }

    private String status(UUID id) {
        return imports.find(id).orElseThrow().status();
    }

    private int preparedOf(UUID id) {
        return jdbc.sql("SELECT count(*) FROM pg_prepared_xacts WHERE gid LIKE ?")
                .param(SplitImportTransaction.PREFIX + id + ":%").query(Integer.class).single();
    }

    private static BulkCustomerWriter.NewCustomer customer(CustomerIdentity phone) {
        CustomerDraft draft = new CustomerDraft(CustomerType.PERSON, "事务测试", null, null, null, null, null, null,
                null, null, null, List.of(phone));
        return new BulkCustomerWriter.NewCustomer(draft, null, SearchKeys.of(draft.name()));
    }

    private static List<CustomerIdentity> phones(int count) {
        return IntStream.range(0, count).mapToObj(i -> new CustomerIdentity(IdentityKind.PHONE,
                "+86165" + String.format("%08d", ThreadLocalRandom.current().nextLong(100_000_000)))).toList();
    }
}
