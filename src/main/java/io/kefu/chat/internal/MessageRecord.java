package io.kefu.chat.internal;

import java.time.Instant;
import java.util.List;

import io.kefu.chat.SenderKind;

/** A chat message as stored; {@code file} and {@code articles} may be null. */
public record MessageRecord(long id, long chatId, int seq, SenderKind senderKind, Long senderId, String senderName,
                            String text, boolean staffOnly, FileRef file, List<ArticleRef> articles, String clientId,
                            Instant createdAt) {

    /** A file sent in the chat, kept in the chat's content store under its SHA-256. */
    public record FileRef(String name, long size, String contentType, String sha256) {
    }

    /** A knowledge article the bot or an agent offers. */
    public record ArticleRef(long id, String title, String url) {
    }
}
