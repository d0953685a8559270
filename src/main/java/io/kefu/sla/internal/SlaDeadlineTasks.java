package io.kefu.sla.internal;

import java.time.Instant;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.kefu.sla.SlaBreached;
import io.kefu.sla.SlaClockState;
import io.kefu.sla.SlaMetric;
import io.kefu.sla.SlaWarningReached;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The two db-scheduler tasks of SLA clocks. Each re-reads its clock under a row lock and publishes only if the clock
 * is still running and still due, marking it so that each event fires once per run of the clock, whichever node
 * runs the task and however often it is retried.
 */
@Configuration(proxyBeanMethods = false)
class SlaDeadlineTasks {

    private final ClockStore clocks;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;

    SlaDeadlineTasks(ClockStore clocks, ApplicationEventPublisher events, TransactionTemplate transaction) {
        this.clocks = clocks;
        this.events = events;
        this.transaction = transaction;
    }

    @Bean
    Task<Void> slaWarningTask() {
        return Tasks.oneTime(SlaTimers.WARNING).execute((instance, context) -> transaction.executeWithoutResult(
                status -> warn(SlaTimers.ticketIdOf(instance.getId()), SlaTimers.metricOf(instance.getId()))));
    }

    @Bean
    Task<Void> slaBreachTask() {
        return Tasks.oneTime(SlaTimers.BREACH).execute((instance, context) -> transaction.executeWithoutResult(
                status -> breach(SlaTimers.ticketIdOf(instance.getId()), SlaTimers.metricOf(instance.getId()))));
    }

    private void warn(long ticketId, SlaMetric metric) {
        Instant now = Instant.now();
        clocks.lock(ticketId, metric)
                .filter(c -> c.state() == SlaClockState.RUNNING && !c.warned() && c.warnAt() != null
                        && !c.warnAt().isAfter(now))
                .ifPresent(c -> {
                    clocks.update(c.warningPublished());
                    events.publishEvent(new SlaWarningReached(ticketId, metric, c.dueAt()));
                });
    }

    private void breach(long ticketId, SlaMetric metric) {
        Instant now = Instant.now();
        clocks.lock(ticketId, metric)
                .filter(c -> c.state() == SlaClockState.RUNNING && !c.breached() && !c.dueAt().isAfter(now))
                .ifPresent(c -> {
                    clocks.update(c.breachPublished());
                    events.publishEvent(new SlaBreached(ticketId, metric, c.dueAt()));
                });
    }
}
