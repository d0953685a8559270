package io.kefu.knowledge.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.kefu.knowledge.ArticleAction;
import io.kefu.knowledge.ArticleState;
import io.kefu.knowledge.Visibility;

/** An article as stored: its current content (the latest version), workflow state and counters. */
public record Article(long id, String title, String body, Visibility visibility, ArticleState state, Long categoryId,
                      List<String> tags, long ownerId, String ownerName, LocalDate expiresOn, int currentVersion,
                      Long sourceTicketId, long views, int helpfulVotes, int unhelpfulVotes, int replyUses,
                      Instant createdAt, Instant updatedAt, Instant publishedAt) {

    /** Expired on or before the given day: it may no longer be right and is flagged in lists. */
    public boolean expiredOn(LocalDate day) {
        return expiresOn != null && !expiresOn.isAfter(day);
    }

    public List<ArticleAction> allowedActions() {
        return ArticleAction.allowedFrom(state);
    }
}
