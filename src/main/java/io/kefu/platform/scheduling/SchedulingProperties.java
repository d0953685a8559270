package io.kefu.platform.scheduling;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the task scheduler, bound from {@code kefu.scheduling.*}.
 *
 * @param pollInterval      how often each node looks for due tasks: the worst delay of a timer
 * @param threads           tasks executed at once on one node
 * @param heartbeatInterval how often a node marks the tasks it is running as alive; a task whose node has missed
 *                          {@link #MISSED_HEARTBEATS_BEFORE_DEAD} of them is taken for dead and run again elsewhere
 */
@ConfigurationProperties("kefu.scheduling")
public record SchedulingProperties(Duration pollInterval, Integer threads, Duration heartbeatInterval) {

    /** Four missed heartbeats: a pause of the JVM or the database shorter than that does not run a task twice. */
    public static final int MISSED_HEARTBEATS_BEFORE_DEAD = 4;

    public SchedulingProperties {
        pollInterval = pollInterval == null ? Duration.ofSeconds(5) : pollInterval;
        threads = threads == null ? 4 : threads;
        heartbeatInterval = heartbeatInterval == null ? Duration.ofSeconds(5) : heartbeatInterval;
    }
}
