package io.kefu.customer.internal;

import java.time.Instant;

/** One line of a customer's timeline; {@code kind}'s label is {@code timeline.<kind>} in the messages. */
public record TimelineEntry(long id, Instant occurredAt, String kind, String actorName, String summary,
                            String source) {
}
