package io.kefu.channel;

import java.time.Instant;

/**
 * An agent's public reply on its way to the customer through her channel.
 *
 * @param messageId      stable across retries of the same reply, so the receiver can drop a repeated delivery
 * @param recipientId    the sender id the customer wrote from (an openid, an app user id, ...)
 * @param conversationId the conversation she wrote in, when her channel named one; otherwise null
 * @param sentAt         when the agent replied
 */
public record OutgoingMessage(String messageId, long channelId, long ticketId, String ticketNumber,
                              String recipientId, String conversationId, String text, String agentName,
                              Instant sentAt) {
}
