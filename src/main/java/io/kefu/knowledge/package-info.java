/**
 * C4 Knowledge base (知识库): articles (internal or public) in a category tree with tags, files, every saved change
 * kept as a version, a review workflow ({@link io.kefu.knowledge.ArticleAction}), expiry reminders and counters;
 * articles written from tickets; the public help centre with votes and customers' suggestions; difficult problems
 * (疑难问题) flagged from tickets. Search over articles belongs to the search module, which learns of changes from
 * {@link io.kefu.knowledge.ArticleChanged}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Knowledge base")
package io.kefu.knowledge;
