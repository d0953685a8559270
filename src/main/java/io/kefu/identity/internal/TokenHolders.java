package io.kefu.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import io.kefu.identity.DataScope;
import io.kefu.identity.Permission;
import io.kefu.identity.StaffPrincipal;
import io.kefu.platform.KeptByRevision;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The staff member behind an API token, with her roles and permissions: every API call authenticates, so this is on
 * the path of every integration request. Holders once read are kept ({@link KeptByRevision}) until anything that
 * decides them changes: tokens, staff, their roles and the roles' permissions move one revision (triggers, V20), so
 * a revocation or a change of rights made on any node, or straight in the database, applies to the next call here.
 */
@Repository
class TokenHolders {

    /** The token's id and last use, and the principal it acts as (with an empty password hash). */
    record Holder(long tokenId, Instant lastUsedAt, StaffPrincipal principal) {
    }

    /** A holder as read: her principal as if unlocked, and until when her account is locked (time decides that). */
    private record Read(long tokenId, Instant lastUsedAt, Instant lockedUntil, StaffPrincipal unlocked) {

        Holder at(Instant now) {
            StaffPrincipal p = unlocked;
            boolean locked = lockedUntil != null && lockedUntil.isAfter(now);
            return new Holder(tokenId, lastUsedAt, !locked ? p : new StaffPrincipal(p.id(), p.username(),
                    p.displayName(), p.departmentId(), p.roleCodes(), p.permissions(), p.dataScope(),
                    p.passwordHash(), p.enabled(), true));
        }

        Read usedAt(Instant at) {
            return new Read(tokenId, at, lockedUntil, unlocked);
        }
    }

    /** Enough for every token of a large company; past it, holders are read on each call until the next change. */
    private static final int MAX_KNOWN = 10_000;

    private record Row(long tokenId, Instant lastUsedAt, long staffId, String username, String displayName,
                       Long departmentId, boolean enabled, Instant lockedUntil, String roleCode, String dataScope,
                       Set<Permission> permissions) {
    }

    private static final Set<String> KNOWN = EnumSet.allOf(Permission.class).stream().map(Enum::name)
            .collect(Collectors.toUnmodifiableSet());

    private final JdbcClient jdbc;
    /** Holders by token hash, read as calls come while the revision stays the same. */
    private final KeptByRevision<Map<String, Read>> known;

    TokenHolders(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.known = new KeptByRevision<>(jdbc, "identity_access_revision", ConcurrentHashMap::new);
    }

    Optional<Holder> byActiveTokenHash(String tokenHash) {
        Map<String, Read> current = known.current();
        Read read = current.get(tokenHash);
        if (read == null) {
            // Tokens not found are not kept: guessing secrets must not fill the memory.
            Optional<Read> found = read(tokenHash);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            read = found.get();
            if (current.size() < MAX_KNOWN) {
                current.put(tokenHash, read);
            }
        }
        return Optional.of(read.at(Instant.now()));
    }

    /** The token was just marked used: the holder kept here says so too, so that it is not marked again at once. */
    void markedUsed(String tokenHash, Instant at) {
        known.current().computeIfPresent(tokenHash, (hash, read) -> read.usedAt(at));
    }

    private Optional<Read> read(String tokenHash) {
        List<Row> rows = jdbc.sql("""
                SELECT t.id, t.last_used_at, s.id, s.username, s.display_name, s.department_id, s.enabled,
                       s.locked_until, r.code, r.data_scope, array_remove(array_agg(rp.permission), NULL)
                FROM api_token t JOIN staff s ON s.id = t.staff_id
                LEFT JOIN staff_role sr ON sr.staff_id = s.id
                LEFT JOIN role r ON r.id = sr.role_id
                LEFT JOIN role_permission rp ON rp.role_id = r.id
                WHERE t.token_hash = :hash AND t.revoked_at IS NULL
                GROUP BY t.id, s.id, r.id""")
                .param("hash", tokenHash).query(TokenHolders::row).list();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        StaffPrincipals.Grants grants = new StaffPrincipals.Grants();
        for (Row row : rows) {
            if (row.roleCode() != null) {
                grants.add(row.roleCode(), DataScope.valueOf(row.dataScope()), row.permissions());
            }
        }
        Row first = rows.get(0);
        return Optional.of(new Read(first.tokenId(), first.lastUsedAt(), first.lockedUntil(), grants.principal(
                first.staffId(), first.username(), first.displayName(), first.departmentId(), "", first.enabled(),
                false)));
    }

    /** One row per role, its permissions aggregated: an administrator's token is one row, not a hundred. */
    private static Row row(ResultSet rs, int n) throws SQLException {
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        for (String permission : (String[]) rs.getArray(11).getArray()) {
            if (KNOWN.contains(permission)) {
                permissions.add(Permission.valueOf(permission));
            }
        }
        return new Row(rs.getLong(1), instant(rs.getTimestamp(2)), rs.getLong(3), rs.getString(4), rs.getString(5),
                rs.getObject(6, Long.class), rs.getBoolean(7), instant(rs.getTimestamp(8)), rs.getString(9),
                rs.getString(10), permissions);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
