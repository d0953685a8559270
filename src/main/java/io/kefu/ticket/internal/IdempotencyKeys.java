package io.kefu.ticket.internal;

import java.util.Objects;
import java.util.Optional;

import io.kefu.platform.DomainException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code Idempotency-Key} of ticket creation: a caller's key is claimed, with the number the ticket is about to
 * get, in the same transaction that creates the ticket, so a retried request finds the first ticket and a concurrent
 * duplicate waits for the first to commit.
 */
@Repository
class IdempotencyKeys {

    private final JdbcClient jdbc;

    IdempotencyKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @return the ticket created earlier under this key and body, or empty when the key is new (and now claimed)
     * @throws DomainException 422 when the key was used with another body
     */
    Optional<Long> claim(long callerId, String key, String requestSha256, long newTicketId) {
        int claimed = jdbc.sql("""
                INSERT INTO ticket_idempotency (caller_id, idempotency_key, request_sha256, ticket_id)
                VALUES (:caller, :key, :hash, :ticket) ON CONFLICT DO NOTHING""")
                .param("caller", callerId).param("key", key).param("hash", requestSha256).param("ticket", newTicketId)
                .update();
        if (claimed == 1) {
            return Optional.empty();
        }
        record Claim(String hash, Long ticketId) {
        }
        Claim earlier = jdbc.sql("""
                SELECT request_sha256, ticket_id FROM ticket_idempotency
                WHERE caller_id = :caller AND idempotency_key = :key""")
                .param("caller", callerId).param("key", key)
                .query((rs, n) -> new Claim(rs.getString(1), rs.getObject(2, Long.class))).single();
        if (!Objects.equals(earlier.hash(), requestSha256)) {
            throw new DomainException(HttpStatus.UNPROCESSABLE_ENTITY, "ticket.idempotencyKeyReused");
        }
        return Optional.of(earlier.ticketId());
    }
}
