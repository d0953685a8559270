package io.kefu.portal.internal;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import io.kefu.platform.Sha256;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Links emailed to customers: 32 random bytes, of which only the SHA-256 is stored, so a copy of the database
 * signs nobody in. Each works once and until it expires.
 */
@Repository
class OneTimeTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;

    OneTimeTokens(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A valid token's account and what it is for. */
    record Token(long accountId, TokenPurpose purpose, String pendingPasswordHash) {
    }

    /** Issues a token and returns the secret to put in the link (only this once). */
    String issue(long accountId, TokenPurpose purpose, String pendingPasswordHash) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        jdbc.sql("""
                INSERT INTO portal_token (account_id, purpose, token_hash, pending_password_hash, expires_at, created_at)
                VALUES (:account, :purpose, :hash, :pending, :expires, :now)""")
                .param("account", accountId).param("purpose", purpose.name()).param("hash", Sha256.hex(secret))
                .param("pending", pendingPasswordHash)
                .param("expires", Timestamp.from(now.plus(purpose.lifetime()))).param("now", Timestamp.from(now))
                .update();
        return secret;
    }

    /** The token if it is valid now, without using it up: to show the page its link leads to. */
    Optional<Token> peek(String secret) {
        if (secret == null || secret.isBlank()) {
            return Optional.empty();
        }
        return jdbc.sql("""
                SELECT account_id, purpose, pending_password_hash FROM portal_token
                WHERE token_hash = :hash AND used_at IS NULL AND expires_at > :now""")
                .param("hash", Sha256.hex(secret)).param("now", Timestamp.from(clock.instant()))
                .query(OneTimeTokens::map).optional();
    }

    /** Uses the token up if it is valid now; of two requests racing with one link, one wins. */
    Optional<Token> redeem(String secret) {
        if (secret == null || secret.isBlank()) {
            return Optional.empty();
        }
        return jdbc.sql("""
                UPDATE portal_token SET used_at = :now
                WHERE token_hash = :hash AND used_at IS NULL AND expires_at > :now
                RETURNING account_id, purpose, pending_password_hash""")
                .param("hash", Sha256.hex(secret)).param("now", Timestamp.from(clock.instant()))
                .query(OneTimeTokens::map).optional();
    }

    /**
     * Voids the account's other unused tokens of a kind: once her email is verified, a sign-up someone else started
     * with her address can no longer set its password; once she chose a password, older reset links are void.
     */
    void voidUnused(long accountId, TokenPurpose purpose) {
        jdbc.sql("UPDATE portal_token SET used_at = :now WHERE account_id = :account AND purpose = :purpose "
                        + "AND used_at IS NULL")
                .param("now", Timestamp.from(clock.instant())).param("account", accountId)
                .param("purpose", purpose.name()).update();
    }

    private static Token map(ResultSet rs, int row) throws SQLException {
        return new Token(rs.getLong(1), TokenPurpose.valueOf(rs.getString(2)), rs.getString(3));
    }
}
