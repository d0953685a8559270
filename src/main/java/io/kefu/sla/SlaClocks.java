package io.kefu.sla;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * The SLA clocks of tickets, driven by the ticket module. Every method joins the caller's transaction, so a
 * ticket's change and its clocks commit together. Methods on a ticket without clocks answer empty.
 */
public interface SlaClocks {

    /**
     * Starts the clocks of the best-matching active policy (none matching: empty, no clocks). Idempotent per
     * ticket: a second call returns the existing status.
     */
    Optional<SlaStatus> start(long ticketId, SlaCriteria criteria, Instant openedAt);

    /** Waiting on the customer: running clocks stop, keeping their remaining business time. No-op if none running. */
    Optional<SlaStatus> pause(long ticketId, Instant at);

    /** Resumes paused clocks with the remaining business time (new dueAt computed in business time from at). */
    Optional<SlaStatus> resume(long ticketId, Instant at);

    /**
     * The first public reply (FIRST_RESPONSE) or the resolution (RESOLUTION) happened; the clock stops as MET (or
     * stays BREACHED if it was late, metAt recorded).
     */
    Optional<SlaStatus> met(long ticketId, SlaMetric metric, Instant at);

    /** A reopened ticket: the RESOLUTION clock runs again with what it had left when it was met (at least zero). */
    Optional<SlaStatus> reopen(long ticketId, Instant at);

    Optional<SlaStatus> statusOf(long ticketId);

    /** The status of each ticket that has clocks, in one query: for queue pages. */
    Map<Long, SlaStatus> statusOf(Collection<Long> ticketIds);
}
