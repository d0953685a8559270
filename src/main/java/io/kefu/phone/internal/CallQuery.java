package io.kefu.phone.internal;

import java.time.Instant;

/** Which calls to list: any filter may be null. */
public record CallQuery(Instant from, Instant to, Long customerId, Long agentId, Boolean abandoned,
                        Long beforeId, int limit) {
}
