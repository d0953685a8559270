package io.kefu.phone.internal;

import java.time.Instant;

/**
 * A call to record, as the telephone system or an agent describes it. Left out, the wait is computed from the
 * times, and an inbound call nobody answered counts as abandoned.
 *
 * @param externalId the telephone system's id of the call, so that pushing it twice records it once
 * @param customerId the customer, when known; otherwise she is found by the caller's number
 */
public record CallDraft(String externalId, CallDirection direction, String callerNumber, Long customerId,
                        Long agentId, String queueName, Instant startedAt, Instant answeredAt, Instant endedAt,
                        Integer waitSeconds, Boolean abandoned, String recordingUrl, String notes, Long ticketId) {

    public CallDraft {
        direction = direction == null ? CallDirection.INBOUND : direction;
    }
}
