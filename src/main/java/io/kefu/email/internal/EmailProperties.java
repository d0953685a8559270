package io.kefu.email.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the email channel, bound from {@code kefu.email.*} (environment variables in README.md).
 *
 * @param pollTick       how often the cluster looks for mailboxes whose own poll interval has come round
 * @param batchSize      messages fetched from IMAP at a time
 * @param firstBackoff   the wait after a reply's first failed delivery; later waits grow threefold each time
 * @param maxBackoff     the longest wait between two delivery attempts (attempts go on until the mail is sent)
 * @param connectTimeout IMAP and SMTP connection and read timeout
 */
@ConfigurationProperties("kefu.email")
public record EmailProperties(@DefaultValue("10s") Duration pollTick,
                              @DefaultValue("200") int batchSize,
                              @DefaultValue("30s") Duration firstBackoff,
                              @DefaultValue("1h") Duration maxBackoff,
                              @DefaultValue("30s") Duration connectTimeout) {

    /** The wait before the attempt after {@code failedAttempts} failures: first, three times that, ... capped. */
    Duration backoffAfter(int failedAttempts) {
        double millis = firstBackoff.toMillis() * Math.pow(3, Math.max(0, failedAttempts - 1));
        return Duration.ofMillis((long) Math.min(millis, maxBackoff.toMillis()));
    }
}
