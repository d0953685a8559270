package io.kefu.channel.internal;

import java.time.Instant;

import io.kefu.channel.OutgoingMessage;

/** One reply in the outbox, as the worker and administrators see it. */
public record ReplyDelivery(long id, long channelId, long ticketId, String ticketNumber, long articleId,
                            String recipientId, String conversationId, String text, String agentName,
                            DeliveryState state, int attempts, Instant nextAttemptAt, String lastError,
                            Instant createdAt, Instant deliveredAt) {

    /** The message a connector sends; its id stays the same across attempts. */
    OutgoingMessage message() {
        return new OutgoingMessage("kefu-reply-" + articleId, channelId, ticketId, ticketNumber, recipientId,
                conversationId, text, agentName, createdAt);
    }
}
