package io.kefu.customer.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.kefu.customer.CustomerIdentity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes many new customers at once with PostgreSQL's COPY, inside the transaction open on the connection it is
 * given: ids are taken from the sequence first, then customers, identities and the first timeline entry each go
 * in one stream.
 *
 * <p>The foreign keys from identities and timeline entries to their customer are not checked row by row for these
 * streams (a quarter of the database's work per row, measured in docs/benchmarks.md): every row written here
 * refers to a customer written by the same call, in the same transaction, under an id just taken from the
 * sequence, so each of those checks would find what it looks for. The checks are skipped by running the COPYs in
 * the {@code replica} session replication role, which needs a superuser or, from PostgreSQL 15, a grant of
 * {@code SET ON PARAMETER session_replication_role}; without it they run as usual. That role also skips ordinary
 * triggers: the customer tables have none, and {@code ImportTransactionsTest} fails if one is added.
 */
@Component
class BulkCustomerWriter {

    /** A checked draft ready to be written, with what is derived from it. */
    record NewCustomer(CustomerDraft draft, Long departmentId, SearchKeys keys) {
    }

    private final JsonMapper json;

    BulkCustomerWriter(JsonMapper json) {
        this.json = json;
    }

    /** The rows of one bulk write in COPY's binary form: customers, their identities, their first timeline entry. */
    record Streams(BinaryCopy customers, BinaryCopy identities, BinaryCopy timeline) {
    }

    void write(Connection connection, List<NewCustomer> customers, String actor, String timelineSummary)
            throws SQLException {
        if (customers.isEmpty()) {
            return;
        }
        Streams streams = encode(customers, nextIds(connection, customers.size()), actor, timelineSummary);
        boolean skipChecks = maySkipChecks(connection);
        if (skipChecks) {
            execute(connection, "SET LOCAL session_replication_role = replica");
        }
        streams.customers().send(connection, """
                COPY customer (id, type, name, owner_id, department_id, tier, tags, region, lifecycle_stage,
                    birthday, consent_email, consent_sms, consent_phone, attributes, search_name, name_grams,
                    pinyin_initials, pinyin_full) FROM STDIN WITH (FORMAT binary)""");
        streams.identities().send(connection,
                "COPY customer_identity (customer_id, kind, value) FROM STDIN WITH (FORMAT binary)");
        streams.timeline().send(connection,
                "COPY customer_timeline (customer_id, kind, actor_name, summary) FROM STDIN WITH (FORMAT binary)");
        if (skipChecks) {
            execute(connection, "SET LOCAL session_replication_role = origin");
        }
    }

    /** The streams {@link #write} sends for these customers under these ids, without a database. */
    Streams encode(List<NewCustomer> customers, List<Long> ids, String actor, String timelineSummary) {
        Streams streams = new Streams(new BinaryCopy(), new BinaryCopy(), new BinaryCopy());
        for (int i = 0; i < customers.size(); i++) {
            long id = ids.get(i);
            NewCustomer c = customers.get(i);
            appendCustomer(streams.customers(), id, c);
            for (CustomerIdentity identity : c.draft().identities()) {
                streams.identities().row(3).int8(id).text(identity.kind().name()).text(identity.value());
            }
            streams.timeline().row(4).int8(id).text("customer.imported").text(actor).text(timelineSummary);
        }
        return streams;
    }

    private static List<Long> nextIds(Connection connection, int count) throws SQLException {
        List<Long> ids = new ArrayList<>(count);
        try (PreparedStatement next = connection.prepareStatement(
                "SELECT nextval('customer_id_seq') FROM generate_series(1, ?)")) {
            next.setInt(1, count);
            try (ResultSet rs = next.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    private static boolean maySkipChecks(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(
                     "SELECT has_parameter_privilege('session_replication_role', 'SET')")) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private void appendCustomer(BinaryCopy out, long id, NewCustomer c) {
        CustomerDraft d = c.draft();
        out.row(18).int8(id).text(d.type().name()).text(d.name()).int8(d.ownerId()).int8(c.departmentId())
                .text(d.tier()).textArray(d.tags()).text(d.region()).text(d.lifecycleStage().name())
                .date(d.birthday()).bool(d.consent().email()).bool(d.consent().sms()).bool(d.consent().phone())
                .jsonb(attributesJson(d.attributes())).text(c.keys().searchName())
                .textArray(c.keys().grams()).text(c.keys().pinyinInitials()).text(c.keys().pinyinFull());
    }

    /**
     * Most imported customers have no custom attributes: those skip the JSON writer, which would otherwise be
     * compiled into this loop with the web layer's uses of it and compiled again, at length, while the first
     * import after a start runs (docs/benchmarks.md).
     */
    private String attributesJson(Map<String, Object> attributes) {
        return attributes.isEmpty() ? "{}" : json.writeValueAsString(attributes);
    }
}
