package io.kefu.chat.internal;

import java.util.List;
import java.util.Set;

import io.kefu.search.SearchHit;
import io.kefu.search.SearchIndex;
import io.kefu.search.SearchQuery;
import org.springframework.stereotype.Component;

/**
 * The bot's reading of a visitor's question: the published public articles that answer it, and whether the best
 * one is good enough to give as the answer. It answers only when the best hit reaches the configured confidence
 * and stands clearly ahead of the second; otherwise the visitor gets the choices.
 */
@Component
public class ChatBot {

    /** How far ahead of the second hit the best one must score to be given alone. */
    static final double MARGIN = 0.05;

    /** What the bot found: {@code confident} when {@code hits.get(0)} is the answer. */
    public record Reading(boolean confident, List<SearchHit> hits) {
    }

    private final SearchIndex index;

    ChatBot(SearchIndex index) {
        this.index = index;
    }

    public Reading read(String question, double confidence) {
        List<SearchHit> hits = index.search(SearchQuery.of(question, "article", Set.of("public"), 3));
        if (hits.isEmpty()) {
            return new Reading(false, hits);
        }
        SearchHit best = hits.get(0);
        boolean ahead = hits.size() < 2 || best.score() - hits.get(1).score() >= MARGIN;
        return new Reading(best.score() >= confidence && ahead, hits);
    }
}
