package io.kefu.sla.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.kefu.platform.scheduling.SchedulingProperties;
import io.kefu.sla.SlaBreached;
import io.kefu.sla.SlaClockState;
import io.kefu.sla.SlaWarningReached;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The SLA sweep: one recurring db-scheduler task, run by one node at a time, that publishes the warnings and breaches
 * that have fallen due. The clocks themselves say what is due ({@code warn_at}, {@code due_at}, read through partial
 * indexes), so starting, pausing or meeting a clock writes no timer, and a node that was down catches up on its next
 * sweep. Each clock is marked as it is published, in the same transaction, so each event fires once per run of the
 * clock whichever node sweeps and however often a sweep is retried.
 */
@Configuration(proxyBeanMethods = false)
class SlaDeadlineTasks {

    private static final String SWEEP = "sla-deadlines";
    /** Clocks handled per transaction: a backlog (after downtime) is worked off in short transactions. */
    private static final int BATCH = 200;

    private final ClockStore clocks;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;

    SlaDeadlineTasks(ClockStore clocks, ApplicationEventPublisher events, TransactionTemplate transaction) {
        this.clocks = clocks;
        this.events = events;
        this.transaction = transaction;
    }

    /** Sweeps as often as nodes look for due tasks: a warning or breach is published within two poll intervals. */
    @Bean
    Task<Void> slaDeadlineSweep(SchedulingProperties scheduling) {
        return Tasks.recurring(SWEEP, FixedDelay.of(scheduling.pollInterval()))
                .execute((instance, context) -> sweep());
    }

    private void sweep() {
        Integer handled;
        do {
            handled = transaction.execute(status -> publishDue(Instant.now()));
        } while (handled != null && handled == BATCH);
    }

    private int publishDue(Instant now) {
        List<Clock> due = clocks.lockDue(now, BATCH);
        for (Clock clock : due) {
            Clock current = clock;
            List<Object> published = new ArrayList<>(2);
            if (current.state() == SlaClockState.RUNNING && !current.warned() && current.warnAt() != null
                    && !current.warnAt().isAfter(now)) {
                current = current.warningPublished();
                published.add(new SlaWarningReached(current.ticketId(), current.metric(), current.dueAt()));
            }
            if (current.state() == SlaClockState.RUNNING && !current.dueAt().isAfter(now)) {
                current = current.breachPublished();
                published.add(new SlaBreached(current.ticketId(), current.metric(), current.dueAt()));
            }
            // After downtime a clock's warning and breach may both be due: one write marks both.
            if (!published.isEmpty()) {
                clocks.update(current);
                published.forEach(events::publishEvent);
            }
        }
        return due.size();
    }
}
