package io.kefu.knowledge.internal;

import java.time.Instant;

import io.kefu.knowledge.ArticleAction;
import io.kefu.knowledge.ArticleState;

/** A move through the workflow, with the reviewer's comment when there is one. */
public record ArticleEvent(ArticleAction action, ArticleState fromState, ArticleState toState, String comment,
                           String actorName, Instant at) {
}
