package io.kefu.audit;

import java.time.Instant;

/**
 * A filter over the audit log; every part is optional. Pages go backwards in time: {@code beforeId} is the
 * smallest id of the previous page.
 */
public record AuditQuery(String actor, String action, String targetType, String targetId, Instant from,
                         Instant to, Long beforeId, int limit) {

    public static final int MAX_LIMIT = 200;

    public AuditQuery {
        limit = limit <= 0 ? 50 : Math.min(limit, MAX_LIMIT);
    }
}
