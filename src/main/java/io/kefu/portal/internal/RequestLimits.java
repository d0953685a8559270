package io.kefu.portal.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import io.kefu.platform.DomainException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * How often the public pages (web form, sign-up, emailed links) may be used per client address and per email,
 * counted in the database so that every node sees the same count. A refused request is not counted, and stores
 * nothing else either: it fails before anything is written.
 */
@Component
class RequestLimits {

    private final JdbcClient jdbc;
    private final PortalProperties properties;
    private final Clock clock;

    RequestLimits(JdbcClient jdbc, PortalProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Counts one request from this address (and email, when given), or refuses it with 429 when either has had its
     * share within the window. Runs in the caller's transaction, so a request that fails later is not counted.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void count(String address, String email) {
        PortalProperties.FormLimit limit = properties.formLimit();
        Instant now = clock.instant();
        Timestamp since = Timestamp.from(now.minus(limit.window()));
        jdbc.sql("DELETE FROM portal_request WHERE at < :since").param("since", since).update();
        String normalisedEmail = email == null || email.isBlank() ? null : AccountStore.normalise(email);
        check("ADDRESS", address, limit.perAddress(), since);
        if (normalisedEmail != null) {
            check("EMAIL", normalisedEmail, limit.perEmail(), since);
        }
        remember("ADDRESS", address, now);
        if (normalisedEmail != null) {
            remember("EMAIL", normalisedEmail, now);
        }
    }

    private void check(String kind, String value, int max, Timestamp since) {
        // One request at a time per key, on every node: two racing requests cannot both take the last place.
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(:key))").param("key", "portal-request:" + kind + ":" + value)
                .query().singleValue();
        long recent = jdbc.sql("SELECT count(*) FROM portal_request WHERE key_kind = :kind AND key_value = :value "
                        + "AND at >= :since")
                .param("kind", kind).param("value", value).param("since", since).query(Long.class).single();
        if (recent >= max) {
            throw new DomainException(HttpStatus.TOO_MANY_REQUESTS, "portal.tooManyRequests",
                    properties.formLimit().window().toMinutes());
        }
    }

    private void remember(String kind, String value, Instant at) {
        jdbc.sql("INSERT INTO portal_request (key_kind, key_value, at) VALUES (:kind, :value, :at)")
                .param("kind", kind).param("value", value).param("at", Timestamp.from(at)).update();
    }
}
