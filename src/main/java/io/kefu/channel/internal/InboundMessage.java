package io.kefu.channel.internal;

import java.time.Instant;
import java.util.List;

import io.kefu.ticket.MessageFile;

/**
 * A customer's message as a channel posts it, checked.
 *
 * @param messageId      the channel's own id of the message; a second delivery with the same id is a duplicate
 * @param sentAt         when the customer sent it, or null
 * @param conversationId the channel's conversation, when it has them: messages of one conversation share a ticket
 * @param text           the plain text, possibly empty when files came
 */
public record InboundMessage(String messageId, Instant sentAt, Sender sender, String conversationId, String text,
                             List<MessageFile> files) {

    /**
     * @param id    the sender's id on the channel, of the channel's identity kind
     * @param phone the sender's phone number, when the channel knows it; or null
     * @param email the sender's email address, when the channel knows it; or null
     */
    public record Sender(String id, String name, String phone, String email) {
    }
}
