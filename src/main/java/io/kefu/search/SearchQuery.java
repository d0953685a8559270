package io.kefu.search;

import java.util.Objects;
import java.util.Set;

/**
 * What a person searches for. {@code kinds} limits the result to those kinds (empty: every kind). A document is
 * returned only if it shares at least one of {@code accessKeys} with the query, so the caller passes every key
 * the person holds (a customer: {@code public}; an agent: {@code public}, {@code internal}, her department...).
 */
public record SearchQuery(String text, Set<String> kinds, Set<String> accessKeys, SearchMode mode, int limit) {

    public static final int MAX_LIMIT = 100;

    public SearchQuery {
        text = text == null ? "" : text.strip();
        kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
        accessKeys = Set.copyOf(accessKeys);
        mode = Objects.requireNonNullElse(mode, SearchMode.BLEND);
        limit = Math.max(1, Math.min(limit, MAX_LIMIT));
    }

    /** A blended query for one kind. */
    public static SearchQuery of(String text, String kind, Set<String> accessKeys, int limit) {
        return new SearchQuery(text, Set.of(kind), accessKeys, SearchMode.BLEND, limit);
    }
}
