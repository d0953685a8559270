package io.kefu.customer.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import io.kefu.customer.CustomerIdentity;
import org.postgresql.PGConnection;
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
 * triggers: the customer tables have none, and {@code BulkCustomerWriterTest} fails if one is added.
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

    void write(Connection connection, List<NewCustomer> customers, String actor, String timelineSummary)
            throws SQLException {
        if (customers.isEmpty()) {
            return;
        }
        List<Long> ids = nextIds(connection, customers.size());
        StringBuilder rows = new StringBuilder();
        StringBuilder identities = new StringBuilder();
        StringBuilder timeline = new StringBuilder();
        for (int i = 0; i < customers.size(); i++) {
            long id = ids.get(i);
            NewCustomer c = customers.get(i);
            appendCustomer(rows, id, c);
            for (CustomerIdentity identity : c.draft().identities()) {
                line(identities, String.valueOf(id), identity.kind().name(), identity.value());
            }
            line(timeline, String.valueOf(id), "customer.imported", actor, timelineSummary);
        }
        boolean skipChecks = maySkipChecks(connection);
        if (skipChecks) {
            execute(connection, "SET LOCAL session_replication_role = replica");
        }
        copy(connection, """
                COPY customer (id, type, name, owner_id, department_id, tier, tags, region, lifecycle_stage,
                    birthday, consent_email, consent_sms, consent_phone, attributes, search_name, name_grams,
                    pinyin_initials, pinyin_full) FROM STDIN WITH (FORMAT csv)""", rows);
        copy(connection, "COPY customer_identity (customer_id, kind, value) FROM STDIN WITH (FORMAT csv)",
                identities);
        copy(connection, "COPY customer_timeline (customer_id, kind, actor_name, summary) FROM STDIN WITH (FORMAT csv)",
                timeline);
        if (skipChecks) {
            execute(connection, "SET LOCAL session_replication_role = origin");
        }
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

    private void appendCustomer(StringBuilder out, long id, NewCustomer c) {
        CustomerDraft d = c.draft();
        line(out, String.valueOf(id), d.type().name(), d.name(), text(d.ownerId()), text(c.departmentId()),
                d.tier(), pgArray(d.tags()), d.region(), d.lifecycleStage().name(),
                d.birthday() == null ? null : d.birthday().toString(), String.valueOf(d.consent().email()),
                String.valueOf(d.consent().sms()), String.valueOf(d.consent().phone()),
                json.writeValueAsString(d.attributes()), c.keys().searchName(), pgArray(c.keys().grams()),
                c.keys().pinyinInitials(), c.keys().pinyinFull());
    }

    private static void copy(Connection connection, String sql, StringBuilder data) throws SQLException {
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new StringReader(data.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One CSV line; null is an empty unquoted field, which COPY reads as NULL. */
    private static void line(StringBuilder out, String... fields) {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            if (fields[i] != null) {
                out.append('"').append(fields[i].replace("\"", "\"\"")).append('"');
            }
        }
        out.append('\n');
    }

    /** A PostgreSQL array literal: {"a","b"} with quotes and backslashes escaped. */
    private static String pgArray(List<String> values) {
        StringBuilder array = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) {
            array.append(i == 0 ? "" : ",").append('"')
                    .append(values.get(i).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return array.append('}').toString();
    }

    private static String text(Long value) {
        return value == null ? null : value.toString();
    }
}
