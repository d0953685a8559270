package io.kefu.knowledge;

/** Where an article is in its review workflow; only PUBLISHED articles are served, PUBLIC ones in the help centre. */
public enum ArticleState {
    DRAFT, IN_REVIEW, PUBLISHED, ARCHIVED
}
