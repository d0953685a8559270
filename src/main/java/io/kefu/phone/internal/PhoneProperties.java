package io.kefu.phone.internal;

import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The phone line's service level, after the seeds: answer within three rings (about 15 seconds), and divert
 * callers when more than three are waiting.
 *
 * @param answerTarget a call answered within this wait counts as answered in time
 * @param maxWaiting   an hour in which more callers than this waited at once is flagged
 * @param zone         the hours of the queue figures are the hours of this time zone
 */
@ConfigurationProperties("kefu.phone")
public record PhoneProperties(Duration answerTarget, Integer maxWaiting, ZoneId zone) {

    public PhoneProperties {
        answerTarget = answerTarget == null ? Duration.ofSeconds(15) : answerTarget;
        maxWaiting = maxWaiting == null ? 3 : maxWaiting;
        zone = zone == null ? ZoneId.of("Asia/Shanghai") : zone;
    }
}
