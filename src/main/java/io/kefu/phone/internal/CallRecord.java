package io.kefu.phone.internal;

import java.time.Instant;

import io.kefu.customer.CustomerIdentity;
import io.kefu.customer.IdentityKind;

/**
 * A call as stored.
 *
 * @param callerNumber the number as the telephone system gave it
 * @param callerE164   the same in E.164 when it is a number we can read, else null (e.g. a withheld number)
 * @param waitSeconds  how long the caller waited for an agent (until answered, or until she hung up)
 * @param abandoned    the caller hung up before anyone answered
 */
public record CallRecord(long id, String externalId, CallDirection direction, String callerNumber,
                         String callerE164, Long customerId, Long agentId, String queueName, Instant startedAt,
                         Instant answeredAt, Instant endedAt, int waitSeconds, boolean abandoned,
                         String recordingUrl, String notes, Long ticketId, Instant createdAt) {

    /** The caller's number with its middle hidden, as everyone but those who may reveal personal data sees it. */
    public String maskedNumber() {
        return callerE164 == null ? callerNumber : new CustomerIdentity(IdentityKind.PHONE, callerE164).masked();
    }

    public String shownNumber() {
        return callerE164 == null ? callerNumber : new CustomerIdentity(IdentityKind.PHONE, callerE164).shown();
    }

    /** Seconds from answer to hang-up, or null when the call was not answered or has not ended. */
    public Long talkSeconds() {
        return answeredAt == null || endedAt == null ? null : endedAt.getEpochSecond() - answeredAt.getEpochSecond();
    }
}
