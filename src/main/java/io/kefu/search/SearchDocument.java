package io.kefu.search;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * One thing to find: a knowledge article, a ticket. {@code kind} and {@code id} name it (putting the same pair again
 * replaces it). The title weighs more than the body. {@code accessKeys} say who may see it, as opaque keys the
 * owning module chooses (e.g. {@code public}, {@code internal}, {@code dept:5}, {@code owner:12}); a query finds
 * the document only if it carries one of them. {@code popularity} is a count (views, uses), log-scaled in ranking.
 */
public record SearchDocument(String kind, long id, String title, String body, Set<String> accessKeys,
                             double popularity, Instant updatedAt) {

    public SearchDocument {
        Objects.requireNonNull(kind, "kind");
        title = title == null ? "" : title;
        body = body == null ? "" : body;
        accessKeys = Set.copyOf(accessKeys);
        if (accessKeys.isEmpty()) {
            throw new IllegalArgumentException("a document needs at least one access key, or nobody finds it");
        }
        popularity = Math.max(0, popularity);
        updatedAt = updatedAt == null ? Instant.EPOCH : updatedAt;
    }
}
