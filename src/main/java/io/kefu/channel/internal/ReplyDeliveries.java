package io.kefu.channel.internal;

import java.net.http.HttpClient;
import java.util.List;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.kefu.channel.ChannelConnector;
import io.kefu.ticket.TicketReplied;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Replies out. An agent's public reply on a ticket a channel brought is queued in the outbox by the transaction that
 * learns of it, tried right after that commits, and otherwise by a cluster-wide db-scheduler task every
 * {@code poll-interval}, with waits growing threefold after each failure up to {@code max-backoff}: a receiver that
 * is down delays replies, it never loses them. A reply is claimed, sent, then marked; only a node that dies between
 * sending and marking has it sent again once its claim lapses (the message id lets the receiver tell).
 */
@Configuration(proxyBeanMethods = false)
class ReplyDeliveries {

    static final String TASK = "channel-reply-delivery";
    private static final Logger log = LoggerFactory.getLogger(ReplyDeliveries.class);
    private static final int BATCH = 20;

    private final ChannelMessages messages;
    private final ReplyOutbox outbox;
    private final ChannelStore channels;
    private final ChannelProperties properties;
    private final ApplicationEventPublisher events;
    private final HttpClient http;

    ReplyDeliveries(ChannelMessages messages, ReplyOutbox outbox, ChannelStore channels,
                    ChannelProperties properties, ApplicationEventPublisher events) {
        this.messages = messages;
        this.outbox = outbox;
        this.channels = channels;
        this.properties = properties;
        this.events = events;
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
    }

    /** A reply queued by a committed transaction; it is tried at once. */
    record ReplyQueued(long deliveryId) {
    }

    @ApplicationModuleListener
    void replied(TicketReplied reply) {
        messages.conversationOf(reply.ticketId())
                .flatMap(conversation -> outbox.queue(reply, conversation))
                .ifPresent(id -> events.publishEvent(new ReplyQueued(id)));
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void queued(ReplyQueued queued) {
        send(outbox.claimDue(queued.deliveryId(), 1, properties.claimTimeout()));
    }

    @Bean
    RecurringTask<Void> channelReplyDeliveryTask() {
        return Tasks.recurring(TASK, FixedDelay.of(properties.pollInterval())).execute((instance, context) -> {
            List<ReplyDelivery> batch;
            do {
                batch = outbox.claimDue(null, BATCH, properties.claimTimeout());
                send(batch);
            } while (batch.size() == BATCH);
        });
    }

    private void send(List<ReplyDelivery> batch) {
        for (ReplyDelivery delivery : batch) {
            try {
                connectorOf(delivery).deliver(delivery.message());
            } catch (RuntimeException e) {
                outbox.retryLater(delivery.id(), e.getMessage(), properties.backoffAfter(delivery.attempts()));
                log.info("Reply {} to channel {}, attempt {} failed, will retry: {}", delivery.id(),
                        delivery.channelId(), delivery.attempts(), e.getMessage());
                continue;
            }
            outbox.delivered(delivery.id());
        }
    }

    /** The channel's connector as it is set now: a corrected address or a rotated secret applies at once. */
    private ChannelConnector connectorOf(ReplyDelivery delivery) {
        ChannelStore.Connection connection = channels.connection(delivery.channelId())
                .orElseThrow(() -> new IllegalStateException("the channel is disabled or has no connector address"));
        return new WebhookConnector(http, connection.url(), connection.secret(), properties.timeout());
    }
}
