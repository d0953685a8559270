package io.kefu.knowledge;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.kefu.identity.Permission;

/**
 * The one place that says how an article moves through its workflow: from which states each action leads where,
 * and who may take it. Saving a change is the {@link #EDIT} action: it keeps a draft or an article in review where
 * it is, and takes a published article back to DRAFT, so that what customers read has always been reviewed.
 */
public enum ArticleAction {
    /** A writer asks for review. */
    SUBMIT(ArticleState.IN_REVIEW, Permission.KNOWLEDGE_WRITE, ArticleState.DRAFT),
    /** A reviewer approves: the article is served (in the help centre too when PUBLIC). */
    PUBLISH(ArticleState.PUBLISHED, Permission.KNOWLEDGE_REVIEW, ArticleState.IN_REVIEW),
    /** A reviewer sends the article back to its writer, with a comment saying why. */
    SEND_BACK(ArticleState.DRAFT, Permission.KNOWLEDGE_REVIEW, ArticleState.IN_REVIEW),
    /** A reviewer withdraws a published article. */
    ARCHIVE(ArticleState.ARCHIVED, Permission.KNOWLEDGE_REVIEW, ArticleState.PUBLISHED),
    /** A writer takes an archived article up again as a draft. */
    REOPEN(ArticleState.DRAFT, Permission.KNOWLEDGE_WRITE, ArticleState.ARCHIVED),
    /** A writer saves a change (or restores an old version); see {@link #afterEdit(ArticleState)}. */
    EDIT(null, Permission.KNOWLEDGE_WRITE, ArticleState.DRAFT, ArticleState.IN_REVIEW, ArticleState.PUBLISHED);

    private final ArticleState target;
    private final Permission permission;
    private final Set<ArticleState> sources;

    ArticleAction(ArticleState target, Permission permission, ArticleState first, ArticleState... more) {
        this.target = target;
        this.permission = permission;
        this.sources = EnumSet.of(first, more);
    }

    public Permission permission() {
        return permission;
    }

    public boolean isAllowedFrom(ArticleState state) {
        return sources.contains(state);
    }

    /** The state the action leads to from this one, or empty when it is not allowed from there. */
    public Optional<ArticleState> targetFrom(ArticleState state) {
        if (!isAllowedFrom(state)) {
            return Optional.empty();
        }
        return Optional.of(this == EDIT ? afterEdit(state) : target);
    }

    /** Whether the action requires a comment: a writer sent back must learn why. */
    public boolean needsComment() {
        return this == SEND_BACK;
    }

    /** The workflow buttons offered in a state (saving is the editor's, not a button here). */
    public static List<ArticleAction> allowedFrom(ArticleState state) {
        return Arrays.stream(values()).filter(a -> a != EDIT && a.isAllowedFrom(state)).toList();
    }

    private static ArticleState afterEdit(ArticleState state) {
        return state == ArticleState.PUBLISHED ? ArticleState.DRAFT : state;
    }
}
