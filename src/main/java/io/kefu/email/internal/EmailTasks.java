package io.kefu.email.internal;

import java.time.Instant;
import java.util.Optional;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The email channel's db-scheduler tasks: one recurring poll of the mailboxes that are due (run by one node of the
 * cluster at a time), and one delivery task per queued reply, rescheduled with growing waits until it is sent.
 */
@Configuration(proxyBeanMethods = false)
class EmailTasks {

    static final String POLL_TASK = "email-poll";

    /** The poller is looked up when the task runs: it needs tickets, which need the scheduler this task is for. */
    @Bean
    Task<Void> emailPollTask(ObjectProvider<ImapPoller> poller, EmailProperties properties) {
        return Tasks.recurring(POLL_TASK, FixedDelay.of(properties.pollTick())).execute((instance, context) ->
                poller.getObject().pollDue());
    }

    @Bean
    Task<Void> emailSendTask(ObjectProvider<ReplyDelivery> delivery) {
        return Tasks.custom(ReplyMail.SEND_TASK, Void.class).execute((instance, context) -> {
            Optional<Instant> next = delivery.getObject().attempt(Long.parseLong(instance.getId()));
            return next.<CompletionHandler<Void>>map(at -> (complete, operations) -> operations.reschedule(complete, at))
                    .orElseGet(CompletionHandler.OnCompleteRemove::new);
        });
    }
}
