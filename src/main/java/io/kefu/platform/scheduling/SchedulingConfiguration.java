package io.kefu.platform.scheduling;

import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * The application's one db-scheduler. Its Spring Boot starter does not support Boot 4, so it is set up here: on the
 * application's DataSource behind a transaction-aware proxy (a task scheduled inside a transaction is written by that
 * transaction and vanishes with its rollback), running every Task bean, started once the application is ready (not
 * while Flyway or the rest of the context may still be starting) and stopped when the context closes. A recurring
 * task bean is put in the scheduler's table when it starts (the first node to start does it for the cluster): a
 * module declares it and nothing more.
 */
@Configuration(proxyBeanMethods = false)
class SchedulingConfiguration {

    @Bean(destroyMethod = "stop")
    Scheduler scheduler(DataSource dataSource, ObjectProvider<Task<?>> tasks, SchedulingProperties properties) {
        List<Task<?>> all = tasks.orderedStream().toList();
        List<Task<?>> oneTime = all.stream().filter(task -> !(task instanceof RecurringTask)).toList();
        List<RecurringTask<?>> recurring = all.stream().filter(RecurringTask.class::isInstance)
                .<RecurringTask<?>>map(RecurringTask.class::cast).toList();
        return Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), oneTime)
                .startTasks(recurring)
                .pollingInterval(properties.pollInterval())
                .threads(properties.threads())
                // db-scheduler's defaults (a heartbeat every 5 minutes, dead after 6 missed) would leave a recurring
                // task that a killed node was running, such as the SLA sweep, stopped on every node for half an hour.
                .heartbeatInterval(properties.heartbeatInterval())
                .missedHeartbeatsLimit(SchedulingProperties.MISSED_HEARTBEATS_BEFORE_DEAD)
                .shutdownMaxWait(Duration.ofSeconds(10))
                .build();
    }

    @EventListener(ApplicationReadyEvent.class)
    void start(ApplicationReadyEvent ready) {
        ready.getApplicationContext().getBean(Scheduler.class).start();
    }
}
