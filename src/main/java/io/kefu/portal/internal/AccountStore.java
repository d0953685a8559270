package io.kefu.portal.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Portal accounts in {@code portal_account}; emails are stored and looked up in lower case. */
@Repository
class AccountStore {

    private static final String COLUMNS = "id, customer_id, name, email, password_hash, verified, language, "
            + "failed_sign_ins, locked_until";

    private final JdbcClient jdbc;

    AccountStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static String normalise(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    Optional<Account> byEmail(String email) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM portal_account WHERE email = :email")
                .param("email", normalise(email)).query(AccountStore::map).optional();
    }

    /** The account, locked for the rest of the transaction so that concurrent sign-ins count every failure. */
    Optional<Account> byIdForUpdate(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM portal_account WHERE id = :id FOR UPDATE")
                .param("id", id).query(AccountStore::map).optional();
    }

    Optional<Account> byId(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM portal_account WHERE id = :id")
                .param("id", id).query(AccountStore::map).optional();
    }

    /** The verified account of a customer, if she has one. */
    Optional<Account> verifiedOf(long customerId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM portal_account WHERE customer_id = :customer AND verified "
                        + "ORDER BY id LIMIT 1")
                .param("customer", customerId).query(AccountStore::map).optional();
    }

    /** The account of this email, created unverified when there is none yet (also when two requests race). */
    Account findOrCreate(String email, String name, Locale language) {
        jdbc.sql("""
                INSERT INTO portal_account (name, email, language) VALUES (:name, :email, :language)
                ON CONFLICT (email) DO NOTHING""")
                .param("name", name).param("email", normalise(email)).param("language", language.toLanguageTag())
                .update();
        return byEmail(email).orElseThrow();
    }

    void verify(long id, long customerId) {
        jdbc.sql("UPDATE portal_account SET verified = true, customer_id = :customer WHERE id = :id")
                .param("customer", customerId).param("id", id).update();
    }

    void setPassword(long id, String passwordHash) {
        jdbc.sql("UPDATE portal_account SET password_hash = :hash, failed_sign_ins = 0, locked_until = NULL "
                        + "WHERE id = :id")
                .param("hash", passwordHash).param("id", id).update();
    }

    void signedIn(long id, Instant at) {
        jdbc.sql("UPDATE portal_account SET last_sign_in_at = :at, failed_sign_ins = 0, locked_until = NULL "
                        + "WHERE id = :id")
                .param("at", Timestamp.from(at)).param("id", id).update();
    }

    void failedSignIn(long id, int failures, Instant lockedUntil) {
        jdbc.sql("UPDATE portal_account SET failed_sign_ins = :failures, locked_until = :until WHERE id = :id")
                .param("failures", failures).param("until", lockedUntil == null ? null : Timestamp.from(lockedUntil))
                .param("id", id).update();
    }

    /** A merged-away customer's accounts follow her to the survivor. */
    void moveToCustomer(long sourceId, long survivorId) {
        jdbc.sql("UPDATE portal_account SET customer_id = :survivor WHERE customer_id = :source")
                .param("survivor", survivorId).param("source", sourceId).update();
    }

    private static Account map(ResultSet rs, int row) throws SQLException {
        long customerId = rs.getLong("customer_id");
        boolean noCustomer = rs.wasNull();
        Timestamp lockedUntil = rs.getTimestamp("locked_until");
        return new Account(rs.getLong("id"), noCustomer ? null : customerId, rs.getString("name"),
                rs.getString("email"), rs.getString("password_hash"), rs.getBoolean("verified"),
                rs.getString("language"), rs.getInt("failed_sign_ins"),
                lockedUntil == null ? null : lockedUntil.toInstant());
    }
}
