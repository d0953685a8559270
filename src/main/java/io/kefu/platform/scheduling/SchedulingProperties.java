package io.kefu.platform.scheduling;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the task scheduler, bound from {@code kefu.scheduling.*}.
 *
 * @param pollInterval how often each node looks for due tasks: the worst delay of a timer
 * @param threads      tasks executed at once on one node
 */
@ConfigurationProperties("kefu.scheduling")
public record SchedulingProperties(Duration pollInterval, Integer threads) {

    public SchedulingProperties {
        pollInterval = pollInterval == null ? Duration.ofSeconds(5) : pollInterval;
        threads = threads == null ? 4 : threads;
    }
}
