package io.kefu.audit;

import java.time.Instant;

/**
 * One line of the audit log.
 *
 * @param action     what happened, a dotted code such as {@code staff.created}; its label is
 *                   {@code audit.action.<action>} in the messages
 * @param targetType the kind of record acted on, e.g. {@code staff}
 * @param details    a short human-readable note (never a password or a secret)
 */
public record AuditEntry(long id, Instant occurredAt, Long actorId, String actorName, String action,
                         String targetType, String targetId, String details, String ipAddress) {
}
