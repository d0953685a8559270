package io.kefu.sla;

import java.time.Instant;

/**
 * A running clock reached its deadline unmet. Published inside the transaction that records it, exactly once per
 * clock run; the ticket module escalates on it.
 */
public record SlaBreached(long ticketId, SlaMetric metric, Instant dueAt) {
}
