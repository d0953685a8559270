package io.kefu.sla.internal;

import java.time.Instant;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerClient.ScheduleOptions;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import io.kefu.sla.SlaClockState;
import io.kefu.sla.SlaMetric;
import org.springframework.stereotype.Component;

/**
 * Keeps the db-scheduler tasks of a clock in line with it: while it runs, one task at its warning time (until the
 * warning is published) and one at its deadline (until the breach is); none otherwise. Tasks are written in the
 * caller's transaction, so they come and go with the clock's change.
 */
@Component
class SlaTimers {

    static final String WARNING = "sla-warning";
    static final String BREACH = "sla-breach";

    private final SchedulerClient scheduler;

    SlaTimers(SchedulerClient scheduler) {
        this.scheduler = scheduler;
    }

    void plan(Clock clock) {
        boolean running = clock.state() == SlaClockState.RUNNING;
        set(WARNING, clock, running && !clock.warned() && clock.warnAt() != null ? clock.warnAt() : null);
        set(BREACH, clock, running && !clock.breached() ? clock.dueAt() : null);
    }

    static String instanceId(long ticketId, SlaMetric metric) {
        return ticketId + ":" + metric.name();
    }

    static long ticketIdOf(String instanceId) {
        return Long.parseLong(instanceId.substring(0, instanceId.indexOf(':')));
    }

    static SlaMetric metricOf(String instanceId) {
        return SlaMetric.valueOf(instanceId.substring(instanceId.indexOf(':') + 1));
    }

    private void set(String task, Clock clock, Instant at) {
        String id = instanceId(clock.ticketId(), clock.metric());
        if (at != null) {
            scheduler.schedule(new TaskInstance<Void>(task, id), at, ScheduleOptions.WHEN_EXISTS_RESCHEDULE);
        } else {
            TaskInstanceId existing = TaskInstanceId.of(task, id);
            scheduler.getScheduledExecution(existing).ifPresent(execution -> scheduler.cancel(existing));
        }
    }
}
