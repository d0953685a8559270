package io.kefu.knowledge.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.kefu.knowledge.Visibility;

/** One saved state of an article's content; versions are numbered from 1 and never change. */
public record ArticleVersion(long articleId, int number, String title, String body, Visibility visibility,
                             Long categoryId, List<String> tags, LocalDate expiresOn, String authorName, String note,
                             Instant createdAt) {
}
