package io.kefu.phone.web;

import java.time.Instant;

import io.kefu.phone.internal.CallDirection;
import io.kefu.phone.internal.CallRecord;

/** A call as the API shows it: the caller's number masked unless the caller asked to reveal it. */
record CallView(long id, String externalId, CallDirection direction, String callerNumber, boolean masked,
                Long customerId, Long agentId, String queueName, Instant startedAt, Instant answeredAt,
                Instant endedAt, int waitSeconds, Long talkSeconds, boolean abandoned, String recordingUrl,
                String notes, Long ticketId, Instant createdAt) {

    static CallView of(CallRecord call, boolean reveal) {
        return new CallView(call.id(), call.externalId(), call.direction(),
                reveal ? call.shownNumber() : call.maskedNumber(), !reveal, call.customerId(), call.agentId(),
                call.queueName(), call.startedAt(), call.answeredAt(), call.endedAt(), call.waitSeconds(),
                call.talkSeconds(), call.abandoned(), call.recordingUrl(), call.notes(), call.ticketId(),
                call.createdAt());
    }
}
