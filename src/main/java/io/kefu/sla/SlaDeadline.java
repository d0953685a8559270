package io.kefu.sla;

import java.time.Duration;
import java.time.Instant;

/**
 * One clock. dueAt is null while PAUSED; remaining is the business time left (zero or negative once breached);
 * warnAt when the warning fires; metAt when the reply or resolution happened (null until then).
 */
public record SlaDeadline(SlaMetric metric, SlaClockState state, Instant dueAt, Instant warnAt, Duration remaining,
                          Instant metAt) {
}
