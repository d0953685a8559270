package io.kefu.channel.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import io.kefu.channel.ChannelKind;
import io.kefu.customer.IdentityKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Plain SQL over the {@code channel} table. Secrets are read only by the calls that need them. */
@Repository
class ChannelStore {

    private static final String COLUMNS = "id, name, kind, identity_kind, connector_url, enabled, created_at, updated_at";

    private final JdbcClient jdbc;

    ChannelStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What the inbound check needs: the channel, enabled or not, and its inbound secret. */
    record Inbound(ChannelRecord channel, String secret) {
    }

    /** What a connector needs: where to post and what to sign with. */
    record Connection(String url, String secret) {
    }

    List<ChannelRecord> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM channel ORDER BY name").query(ChannelStore::channel).list();
    }

    Optional<ChannelRecord> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM channel WHERE id = :id").param("id", id)
                .query(ChannelStore::channel).optional();
    }

    Optional<Inbound> inbound(long id) {
        return jdbc.sql("SELECT " + COLUMNS + ", inbound_secret FROM channel WHERE id = :id").param("id", id)
                .query((rs, row) -> new Inbound(channel(rs, row), rs.getString("inbound_secret"))).optional();
    }

    Optional<Connection> connection(long id) {
        return jdbc.sql("SELECT connector_url, connector_secret FROM channel WHERE id = :id AND enabled")
                .param("id", id)
                .query((rs, row) -> new Connection(rs.getString("connector_url"), rs.getString("connector_secret")))
                .optional().filter(c -> c.url() != null);
    }

    boolean nameTaken(String name, Long exceptId) {
        return jdbc.sql("SELECT count(*) FROM channel WHERE lower(name) = lower(:name) AND id <> :exceptId")
                .param("name", name).param("exceptId", exceptId == null ? -1 : exceptId)
                .query(Long.class).single() > 0;
    }

    long insert(ChannelDraft draft, String inboundSecret, String connectorSecret) {
        return jdbc.sql("""
                INSERT INTO channel (name, kind, identity_kind, connector_url, enabled, inbound_secret,
                                     connector_secret)
                VALUES (:name, :kind, :identityKind, :url, :enabled, :inboundSecret, :connectorSecret)
                RETURNING id""")
                .param("name", draft.name()).param("kind", draft.kind().name())
                .param("identityKind", draft.identityKind().name()).param("url", draft.connectorUrl())
                .param("enabled", draft.enabled()).param("inboundSecret", inboundSecret)
                .param("connectorSecret", connectorSecret)
                .query(Long.class).single();
    }

    boolean update(long id, ChannelDraft draft) {
        return jdbc.sql("""
                UPDATE channel SET name = :name, kind = :kind, identity_kind = :identityKind, connector_url = :url,
                                   enabled = :enabled, updated_at = now()
                WHERE id = :id""")
                .param("id", id).param("name", draft.name()).param("kind", draft.kind().name())
                .param("identityKind", draft.identityKind().name()).param("url", draft.connectorUrl())
                .param("enabled", draft.enabled()).update() == 1;
    }

    boolean setEnabled(long id, boolean enabled) {
        return jdbc.sql("UPDATE channel SET enabled = :enabled, updated_at = now() WHERE id = :id")
                .param("id", id).param("enabled", enabled).update() == 1;
    }

    boolean setSecret(long id, ChannelSecret which, String secret) {
        return jdbc.sql("UPDATE channel SET " + which.column() + " = :secret, updated_at = now() WHERE id = :id")
                .param("id", id).param("secret", secret).update() == 1;
    }

    private static ChannelRecord channel(ResultSet rs, int row) throws SQLException {
        return new ChannelRecord(rs.getLong("id"), rs.getString("name"), ChannelKind.valueOf(rs.getString("kind")),
                IdentityKind.valueOf(rs.getString("identity_kind")), rs.getString("connector_url"),
                rs.getBoolean("enabled"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
