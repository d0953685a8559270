package io.kefu.knowledge.internal;

import java.time.LocalDate;
import java.util.List;

import io.kefu.knowledge.Visibility;

/** What a writer saves: the body is HTML, sanitised before it is stored. */
public record ArticleDraft(String title, String body, Visibility visibility, Long categoryId, List<String> tags,
                           LocalDate expiresOn) {
}
