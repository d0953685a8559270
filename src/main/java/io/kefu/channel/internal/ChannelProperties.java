package io.kefu.channel.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of messaging channels, bound from {@code kefu.channels.*} (environment variables in README.md).
 *
 * @param maxMessageSize     the largest inbound request body, attachments (base64) included
 * @param timestampTolerance how far a request's signed timestamp may be from Kefu's clock, either way; older
 *                           requests are refused as replays
 * @param pollInterval       how often waiting replies are looked for (each one is also tried right after it is
 *                           queued)
 * @param firstBackoff       the wait after a failed delivery; later waits grow threefold each time
 * @param maxBackoff         the longest wait between two attempts; a reply is retried until it is delivered
 * @param claimTimeout       how long a reply being sent is left to its node before another may send it (a node that
 *                           died mid-send); longer than the HTTP timeout
 * @param timeout            how long a connector waits for the receiver to connect and to answer
 */
@ConfigurationProperties("kefu.channels")
public record ChannelProperties(@DefaultValue("10MB") DataSize maxMessageSize,
                                @DefaultValue("5m") Duration timestampTolerance,
                                @DefaultValue("5s") Duration pollInterval,
                                @DefaultValue("10s") Duration firstBackoff,
                                @DefaultValue("1h") Duration maxBackoff,
                                @DefaultValue("2m") Duration claimTimeout,
                                @DefaultValue("20s") Duration timeout) {

    /** The wait before the attempt after {@code failedAttempts} failures: first, three times that, ... capped. */
    Duration backoffAfter(int failedAttempts) {
        double grown = firstBackoff.toMillis() * Math.pow(3, Math.max(0, failedAttempts - 1));
        return Duration.ofMillis((long) Math.min(grown, maxBackoff.toMillis()));
    }
}
