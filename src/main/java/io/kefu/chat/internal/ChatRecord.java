package io.kefu.chat.internal;

import java.time.Instant;

import io.kefu.chat.ChatState;

/** A chat as stored. */
public record ChatRecord(long id, long visitorId, Long customerId, ChatState state, String locale, String menuKey,
                         Long skillGroupId, Long agentId, Instant startedAt, Instant queuedAt, Instant acceptedAt,
                         Instant endedAt, Integer rating, String ratingComment, Long ticketId, int botMisses,
                         String overflow, int lastSeq, int version) {
}
