package io.kefu.knowledge.internal;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The knowledge base's db-scheduler task: the expiry check, run by one node of the cluster at a time. */
@Configuration(proxyBeanMethods = false)
class KnowledgeTasks {

    /** The reminders are looked up when the task runs: they need notifications, which need the scheduler. */
    @Bean
    Task<Void> knowledgeExpiryTask(ObjectProvider<ExpiryReminders> reminders, KnowledgeProperties properties) {
        return Tasks.recurring("knowledge-expiry", FixedDelay.of(properties.expiryCheck()))
                .execute((instance, context) -> reminders.getObject().remindDue());
    }
}
