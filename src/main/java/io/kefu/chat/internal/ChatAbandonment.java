package io.kefu.chat.internal;

import java.time.Clock;
import java.time.Instant;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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
}
