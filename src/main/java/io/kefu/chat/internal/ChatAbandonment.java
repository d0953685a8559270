package io.kefu.chat.internal;

import java.time.Clock;
import java.time.Instant;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * Ends chats whose visitor left while talking to the bot or waiting in the queue: one node at a time (db-scheduler)
 * looks every {@code kefu.chat.abandon-check} for visitors not seen for {@code kefu.chat.abandon-after}. A visitor
 * is seen while her widget holds a stream open (every ping) and when she writes.
 */
@Configuration(proxyBeanMethods = false)
class ChatAbandonment {

    static final String TASK = "chat-abandoned";

    /** The chat service is looked up when the task runs: it needs tickets, which need the scheduler of this task. */
    @Bean
    RecurringTask<Void> chatAbandonedTask(ChatStore chats, ObjectProvider<ChatService> service,
                                          ChatProperties properties, Clock clock) {
        return Tasks.recurring(TASK, FixedDelay.of(properties.abandonCheck())).execute((instance, context) -> {
            Instant seenBefore = clock.instant().minus(properties.abandonAfter());
            chats.abandoned(seenBefore).forEach(chatId -> service.getObject().endIfAbandoned(chatId, seenBefore));
        });
    }

    /** The task runs on its own once it is in the scheduler's table; whichever node starts first puts it there. */
    @EventListener(ApplicationReadyEvent.class)
    void schedule(ApplicationReadyEvent ready) {
        ready.getApplicationContext().getBean(SchedulerClient.class)
                .scheduleIfNotExists(new TaskInstance<Void>(TASK, RecurringTask.INSTANCE), Instant.now());
    }
}
