package io.kefu.platform;

import java.util.function.Supplier;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A value built from rows that rarely change, kept on this node while a one-row revision in the database stays the
 * same. Triggers on those rows move the revision in every transaction that changes them, whoever writes: a
 * service, another node, an operator in psql. Each use reads the revision (one row) and builds the value again only
 * when it moved, so a change applies to the next use on every node, with no time-to-live and no message between
 * nodes.
 *
 * @param <T> the value; it is shared by every thread that uses it
 */
public final class KeptByRevision<T> {

    private record Kept<T>(long revision, T value) {
    }

    private final JdbcClient jdbc;
    private final String revisionQuery;
    private final Supplier<T> build;
    private volatile Kept<T> kept;

    /** @param revisionTable a table with one row and a {@code revision} column */
    public KeptByRevision(JdbcClient jdbc, String revisionTable, Supplier<T> build) {
        this.jdbc = jdbc;
        this.revisionQuery = "SELECT revision FROM " + revisionTable;
        this.build = build;
    }

    /** The value as of the database's current revision, read in the caller's transaction if there is one. */
    public T current() {
        long revision = jdbc.sql(revisionQuery).query(Long.class).single();
        Kept<T> known = kept;
        if (known != null && known.revision() == revision) {
            return known.value();
        }
        // Built after the revision was read, the value is at least that new: it never stands for a later revision
        // than the rows it holds, so it is replaced as soon as anything changes after it.
        T value = build.get();
        if (known == null || revision > known.revision()) {
            kept = new Kept<>(revision, value);
        }
        return value;
    }
}
