package io.kefu.customer.internal;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import io.kefu.customer.CustomerIdentity;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes many new customers at once with PostgreSQL's COPY, inside the caller's transaction: ids are taken from
 * the sequence first, then customers, identities and the first timeline entry each go in one stream.
 */
@Component
class BulkCustomerWriter {

    /** A checked draft ready to be written, with what is derived from it. */
    record NewCustomer(CustomerDraft draft, Long departmentId, SearchKeys keys) {
    }

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final JsonMapper json;

    BulkCustomerWriter(DataSource dataSource, JdbcClient jdbc, JsonMapper json) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.json = json;
    }

    void write(List<NewCustomer> customers, String actor, String timelineSummary) {
        if (customers.isEmpty()) {
            return;
        }
        List<Long> ids = jdbc.sql("SELECT nextval('customer_id_seq') FROM generate_series(1, :n)")
                .param("n", customers.size()).query(Long.class).list();
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
        copy("""
                COPY customer (id, type, name, owner_id, department_id, tier, tags, region, lifecycle_stage,
                    birthday, consent_email, consent_sms, consent_phone, attributes, search_name, name_grams,
                    pinyin_initials, pinyin_full) FROM STDIN WITH (FORMAT csv)""", rows);
        copy("COPY customer_identity (customer_id, kind, value) FROM STDIN WITH (FORMAT csv)", identities);
        copy("COPY customer_timeline (customer_id, kind, actor_name, summary) FROM STDIN WITH (FORMAT csv)",
                timeline);
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

    private void copy(String sql, StringBuilder data) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new StringReader(data.toString()));
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Bulk write of customers failed", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
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
