package io.kefu.sla;

import java.time.Instant;

/**
 * A running clock used up its warning share of the target. Published inside the transaction that records it,
 * exactly once per clock run.
 */
public record SlaWarningReached(long ticketId, SlaMetric metric, Instant dueAt) {
}
