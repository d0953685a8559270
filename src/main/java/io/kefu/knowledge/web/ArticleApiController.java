package io.kefu.knowledge.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.kefu.identity.StaffPrincipal;
import io.kefu.knowledge.ArticleAction;
import io.kefu.knowledge.ArticleState;
import io.kefu.knowledge.Visibility;
import io.kefu.knowledge.internal.Article;
import io.kefu.knowledge.internal.ArticleDraft;
import io.kefu.knowledge.internal.ArticleService;
import io.kefu.knowledge.internal.ArticleVersion;
import io.kefu.platform.DomainException;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/knowledge/articles")
@Tag(name = "Knowledge base")
class ArticleApiController {

    private final ArticleService articles;

    ArticleApiController(ArticleService articles) {
        this.articles = articles;
    }

    /** What a writer sends; {@code baseVersion} (optional) refuses the save with 409 if someone saved since. */
    record ArticleRequest(String title, String body, Visibility visibility, Long categoryId, List<String> tags,
                          LocalDate expiresOn, Integer baseVersion) {

        ArticleDraft toDraft() {
            return new ArticleDraft(title, body, visibility, categoryId, tags, expiresOn);
        }
    }

    record TransitionRequest(ArticleAction action, String comment) {
    }

    record ArticleView(long id, String title, String body, Visibility visibility, ArticleState state,
                       Long categoryId, List<String> tags, long ownerId, String ownerName, LocalDate expiresOn,
                       boolean expired, int version, Long sourceTicketId, long views, int helpfulVotes,
                       int unhelpfulVotes, int replyUses, List<ArticleAction> allowedActions, Instant createdAt,
                       Instant updatedAt, Instant publishedAt) {

        static ArticleView of(Article a, LocalDate today) {
            return new ArticleView(a.id(), a.title(), a.body(), a.visibility(), a.state(), a.categoryId(), a.tags(),
                    a.ownerId(), a.ownerName(), a.expiresOn(), a.expiredOn(today), a.currentVersion(),
                    a.sourceTicketId(), a.views(), a.helpfulVotes(), a.unhelpfulVotes(), a.replyUses(),
                    a.allowedActions(), a.createdAt(), a.updatedAt(), a.publishedAt());
        }
    }

    @GetMapping
    @PreAuthorize("hasAuthority('KNOWLEDGE_READ')")
    List<ArticleView> list(@RequestParam(required = false) ArticleState state,
                           @RequestParam(required = false) Long categoryId,
                           @RequestParam(required = false) Visibility visibility,
                           @RequestParam(defaultValue = "false") boolean expired,
                           @RequestParam(defaultValue = "UPDATED") ArticleService.Sort sort,
                           @RequestParam(defaultValue = "100") int limit) {
        LocalDate today = articles.today();
        return articles.list(new ArticleService.Filter(state, categoryId, visibility, expired, sort),
                        Math.max(1, Math.min(limit, 500))).stream().map(a -> ArticleView.of(a, today)).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('KNOWLEDGE_WRITE')")
    ArticleView create(@RequestBody ArticleRequest body, @AuthenticationPrincipal StaffPrincipal me) {
        return ArticleView.of(articles.create(body.toDraft(), null, me), articles.today());
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('KNOWLEDGE_READ')")
    ArticleView get(@PathVariable long id) {
        return ArticleView.of(articles.get(id), articles.today());
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasAuthority('KNOWLEDGE_WRITE')")
    ArticleView update(@PathVariable long id, @RequestBody ArticleRequest body,
                       @AuthenticationPrincipal StaffPrincipal me) {
        return ArticleView.of(articles.update(id, body.toDraft(), body.baseVersion(), me), articles.today());
    }

    /** A workflow action; the caller needs the action's own permission (403 otherwise). */
    @PostMapping("/{id}/transitions")
    @PreAuthorize("hasAnyAuthority('KNOWLEDGE_WRITE', 'KNOWLEDGE_REVIEW')")
    ArticleView transition(@PathVariable long id, @RequestBody TransitionRequest body,
                           @AuthenticationPrincipal StaffPrincipal me) {
        if (body.action() == null) {
            throw DomainException.onField(HttpStatus.BAD_REQUEST, "action", "knowledge.actionRequired");
        }
        return ArticleView.of(articles.transition(id, body.action(), body.comment(), me), articles.today());
    }

    @GetMapping("/{id}/versions")
    @PreAuthorize("hasAuthority('KNOWLEDGE_READ')")
    List<ArticleVersion> versions(@PathVariable long id) {
        return articles.versions(id);
    }

    @PostMapping("/{id}/versions/{number}/restore")
    @PreAuthorize("hasAuthority('KNOWLEDGE_WRITE')")
    ArticleView restore(@PathVariable long id, @PathVariable int number, @AuthenticationPrincipal StaffPrincipal me) {
        return ArticleView.of(articles.restore(id, number, me), articles.today());
    }

    /** Counts one use of a published article in a reply (the reply box of a ticket calls it). */
    @PostMapping("/{id}/uses")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAuthority('KNOWLEDGE_READ')")
    void use(@PathVariable long id) {
        articles.recordReplyUse(id);
    }
}
