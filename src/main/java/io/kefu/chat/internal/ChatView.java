package io.kefu.chat.internal;

import java.time.Instant;

import io.kefu.chat.ChatState;

/**
 * A chat as the visitor and staff see it (the contract's Chat JSON, extended by {@code queuedAt} and
 * {@code acceptedAt}: when it last joined a queue and when an agent last took it, for waiting times).
 */
public record ChatView(long id, ChatState state, String menuKey, Long skillGroupId, String skillGroupName,
                       String agentName, Integer queuePosition, Integer estimatedWaitSeconds, Instant startedAt,
                       Instant endedAt, Integer rating, Long ticketId, Long customerId, String overflow,
                       Instant queuedAt, Instant acceptedAt) {
}
