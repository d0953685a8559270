package io.kefu.notification.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of notification delivery, bound from {@code kefu.notification.*} (environment variables in README.md).
 *
 * @param mailFrom     the sender address of notification emails
 * @param pollInterval how often the worker looks for due notifications (it is also woken after each commit)
 * @param batchSize    how many notifications one worker claims at a time
 * @param firstBackoff the wait after the first failed attempt; later waits grow threefold each time
 * @param maxBackoff   the longest wait between two attempts
 * @param maxAttempts  failed attempts after which a notification is given up (FAILED) until an administrator
 *                     retries it
 * @param claimTimeout how long a claimed notification is left to its worker before another may take it over (a
 *                     worker that died mid-send); longer than any mail or HTTP timeout
 * @param sms          the SMS gateway
 */
@ConfigurationProperties("kefu.notification")
public record NotificationProperties(@DefaultValue("kefu@localhost") String mailFrom,
                                     @DefaultValue("10s") Duration pollInterval,
                                     @DefaultValue("20") int batchSize,
                                     @DefaultValue("10s") Duration firstBackoff,
                                     @DefaultValue("1h") Duration maxBackoff,
                                     @DefaultValue("20") int maxAttempts,
                                     @DefaultValue("5m") Duration claimTimeout,
                                     @DefaultValue Sms sms) {

    /**
     * @param provider {@code log} (writes messages to the log) or {@code http} (the generic HTTP gateway)
     * @param url      where the HTTP gateway posts
     * @param token    sent as a bearer token, when set
     * @param secret   signs each body with HMAC-SHA256, when set
     */
    public record Sms(@DefaultValue("log") String provider, String url, String token, String secret) {
    }

    /** The wait before the attempt after {@code failedAttempts} failures: first, three times that, ... capped. */
    Duration backoffAfter(int failedAttempts) {
        Duration wait = firstBackoff;
        for (int i = 1; i < failedAttempts && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(3);
        }
        return wait.compareTo(maxBackoff) < 0 ? wait : maxBackoff;
    }
}
