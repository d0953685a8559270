package io.kefu.chat.internal;

import java.time.Instant;
import java.util.List;

import io.kefu.chat.SenderKind;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** A message as the visitor and staff see it (the contract's Message JSON). */
public record MessageView(long id, long chatId, int seq, SenderKind senderKind, String senderName, String text,
                          FileView file, List<MessageRecord.ArticleRef> articles, String clientId, Instant createdAt) {

    /** A file of the chat and where to download it. */
    public record FileView(String name, long size, String contentType, String url) {
    }

    public static MessageView of(MessageRecord message) {
        MessageRecord.FileRef file = message.file();
        return new MessageView(message.id(), message.chatId(), message.seq(), message.senderKind(),
                message.senderName(), message.text(),
                file == null ? null : new FileView(file.name(), file.size(), file.contentType(),
                        "/chat/api/files/" + message.id()),
                message.articles(), message.clientId(), message.createdAt());
    }

    /** The answer to a post: 201 with the message stored, or 200 with the first one when the clientId repeats. */
    public static ResponseEntity<MessageView> answering(ChatService.Posted posted) {
        return ResponseEntity.status(posted.repeat() ? HttpStatus.OK : HttpStatus.CREATED).body(of(posted.message()));
    }
}
