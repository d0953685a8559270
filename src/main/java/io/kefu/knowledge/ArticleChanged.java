package io.kefu.knowledge;

/**
 * An article was created, edited, restored or moved through its workflow; the search module re-indexes it (a
 * PUBLISHED article is findable, any other state is not).
 */
public record ArticleChanged(long articleId, ArticleState state, Visibility visibility) {
}
