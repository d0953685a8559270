package io.kefu.knowledge.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import io.kefu.identity.StaffPrincipal;
import io.kefu.knowledge.ArticleAction;
import io.kefu.knowledge.ArticleState;
import io.kefu.knowledge.Visibility;
import io.kefu.knowledge.internal.Article;
import io.kefu.knowledge.internal.ArticleDiff;
import io.kefu.knowledge.internal.ArticleSearch;
import io.kefu.knowledge.internal.ArticleService;
import io.kefu.knowledge.internal.ArticleVersion;
import io.kefu.knowledge.internal.Categories;
import io.kefu.knowledge.internal.HelpCentre;
import io.kefu.knowledge.internal.KnowledgeFiles;
import io.kefu.platform.DomainException;
import io.kefu.platform.web.FormErrors;
import io.kefu.platform.web.PageProblem;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The staff pages of articles: the list, the review queue, an article, the editor, versions and files. */
@Controller
@RequestMapping("/knowledge")
class ArticlePageController {

    private static final int LIST_LIMIT = 200;
    private static final int SEARCH_RESULTS = 20;

    private final ArticleService articles;
    private final Categories categories;
    private final KnowledgeFiles files;
    private final HelpCentre helpCentre;
    private final TicketPrefill prefill;
    private final ArticleSearch search;

    ArticlePageController(ArticleService articles, Categories categories, KnowledgeFiles files,
                          HelpCentre helpCentre, TicketPrefill prefill, ArticleSearch search) {
        this.articles = articles;
        this.categories = categories;
        this.files = files;
        this.helpCentre = helpCentre;
        this.prefill = prefill;
        this.search = search;
    }

    @GetMapping("/articles")
    @PreAuthorize("hasAuthority('KNOWLEDGE_READ')")
    String list(@RequestParam(required = false) ArticleState state, @RequestParam(required = false) Long categoryId,
                @RequestParam(required = false) Visibility visibility,
                @RequestParam(defaultValue = "false") boolean expired,
                @RequestParam(defaultValue = "UPDATED") ArticleService.Sort sort,
                @RequestParam(required = false) String q, Model model) {
        if (q != null && !q.isBlank()) {
            model.addAttribute("q", q);
            model.addAttribute("hits", search.forStaff(q, SEARCH_RESULTS));
        }
        model.addAttribute("articles", q != null && !q.isBlank() ? List.of() : articles.list(
                new ArticleService.Filter(state, categoryId, visibility, expired, sort), LIST_LIMIT));
        model.addAttribute("state", state);
        model.addAttribute("categoryId", categoryId);
        model.addAttribute("visibility", visibility);
        model.addAttribute("expired", expired);
        model.addAttribute("sort", sort);
        model.addAttribute("reviewQueue", false);
        return listPage(model);
    }

    @GetMapping("/review")
    @PreAuthorize("hasAuthority('KNOWLEDGE_REVIEW')")
    String review(Model model) {
        model.addAttribute("articles", articles.list(new ArticleService.Filter(ArticleState.IN_REVIEW, null, null,
                false, ArticleService.Sort.UPDATED), LIST_LIMIT));
        model.addAttribute("state", ArticleState.IN_REVIEW);
        model.addAttribute("expired", false);
        model.addAttribute("sort", ArticleService.Sort.UPDATED);
        model.addAttribute("reviewQueue", true);
        return listPage(model);
    }

    private String listPage(Model model) {
        model.addAttribute("categories", categories.tree());
        model.addAttribute("states", ArticleState.values());
        model.addAttribute("visibilities", Visibility.values());
        model.addAttribute("today", articles.today());
        return "knowledge/articles";
    }

    /** The editor for a new article; {@code fromTicket} fills in the question and answer of that ticket. */
    @GetMapping("/articles/new")
    @PreAuthorize("hasAuthority('KNOWLEDGE_WRITE')")
    String newForm(@RequestParam(required = false) Long fromTicket, @AuthenticationPrincipal StaffPrincipal me,
                   Locale locale, Model model) {
        ArticleForm form = new ArticleForm();
        if (fromTicket != null) {
            prefill.of(fromTicket, me, locale).ifPresentOrElse(p -> {
                form.setTitle(p.title());
                form.setBody(p.body());
                form.setSourceTicketId(p.ticketId());
                model.addAttribute("ticketNumber", p.ticketNumber());
            }, () -> model.addAttribute("ticketMissing", fromTicket));
        }
        return editor(form, null, model);
    }

    @PostMapping("/articles")
    @PreAuthorize("hasAuthority('KNOWLEDGE_WRITE')")
    String create(@ModelAttribute("form") ArticleForm form, BindingResult binding,
                  @AuthenticationPrincipal StaffPrincipal me, Model model) {
        if (binding.hasErrors()) {
            return editor(form, null, model);
        }
        try {
            Long ticket = form.getSourceTicketId();
            return "redirect:/knowledge/articles/" + articles.create(form.toDraft(), ticket, me).id();
        } catch (DomainException e) {
            FormErrors.reject(binding, e);
            return editor(form, null, model);
        }
    }

    @GetMapping("/articles/{id}")
    @PreAuthorize("hasAuthority('KNOWLEDGE_READ')")
    String show(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal me, Model model) {
        Article article = articles.get(id);
        articles.countView(id);
        model.addAttribute("article", article);
        model.addAttribute("actions", article.allowedActions().stream().filter(a -> me.can(a.permission())).toList());
        model.addAttribute("versions", articles.versions(id));
        model.addAttribute("events", articles.events(id));
        model.addAttribute("files", files.of(id));
        model.addAttribute("voteComments", helpCentre.voteComments(id, 20));
        model.addAttribute("categoryName", categoryName(article.categoryId()));
        model.addAttribute("today", articles.today());
        return "knowledge/article";
    }

    @GetMapping("/articles/{id}/edit")
    @PreAuthorize("hasAuthority('KNOWLEDGE_WRITE')")
    String editForm(@PathVariable long id, Model model) {
        return editor(ArticleForm.of(articles.get(id)), id, model);
    }

    @PostMapping("/articles/{id}")
    @PreAuthorize("hasAuthority('KNOWLEDGE_WRITE')")
    String update(@PathVariable long id, @ModelAttribute("form") ArticleForm form, BindingResult binding,
                  @AuthenticationPrincipal StaffPrincipal me, Model model) {
        if (binding.hasErrors()) {
            return editor(form, id, model);
        }
        try {
            articles.update(id, form.toDraft(), form.getBaseVersion(), me);
            return "redirect:/knowledge/articles/" + id;
        } catch (DomainException e) {
            FormErrors.reject(binding, e);
            return editor(form, id, model);
        }
    }

    private String editor(ArticleForm form, Long id, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("articleId", id);
        model.addAttribute("categories", categories.tree());
        model.addAttribute("visibilities", Visibility.values());
        return "knowledge/editor";
    }

    @PostMapping("/articles/{id}/actions")
    @PreAuthorize("hasAnyAuthority('KNOWLEDGE_WRITE', 'KNOWLEDGE_REVIEW')")
    String act(@PathVariable long id, @RequestParam(required = false) ArticleAction action,
               @RequestParam(required = false) String comment, @AuthenticationPrincipal StaffPrincipal me,
               RedirectAttributes redirect) {
        try {
            if (action == null) {
                throw DomainException.onField(HttpStatus.BAD_REQUEST, "action",
                        "knowledge.actionRequired");
            }
            articles.transition(id, action, comment, me);
        } catch (DomainException e) {
            articles.get(id);
            PageProblem.flash(redirect, e);
        }
        return "redirect:/knowledge/articles/" + id;
    }

    @GetMapping("/articles/{id}/diff")
    @PreAuthorize("hasAuthority('KNOWLEDGE_READ')")
    String diff(@PathVariable long id, @RequestParam int from, @RequestParam int to, Model model) {
        Article article = articles.get(id);
        ArticleVersion older = articles.version(id, from);
        ArticleVersion newer = articles.version(id, to);
        model.addAttribute("article", article);
        model.addAttribute("from", older);
        model.addAttribute("to", newer);
        model.addAttribute("lines", ArticleDiff.between(older, newer));
        return "knowledge/diff";
    }

    @PostMapping("/articles/{id}/versions/{number}/restore")
    @PreAuthorize("hasAuthority('KNOWLEDGE_WRITE')")
    String restore(@PathVariable long id, @PathVariable int number, @AuthenticationPrincipal StaffPrincipal me,
                   RedirectAttributes redirect) {
        try {
            articles.restore(id, number, me);
        } catch (DomainException e) {
            articles.get(id);
            PageProblem.flash(redirect, e);
        }
        return "redirect:/knowledge/articles/" + id;
    }

    @PostMapping("/articles/{id}/files")
    @PreAuthorize("hasAuthority('KNOWLEDGE_WRITE')")
    String attach(@PathVariable long id, @RequestParam(required = false) MultipartFile file,
                  @AuthenticationPrincipal StaffPrincipal me, RedirectAttributes redirect) {
        articles.get(id);
        try {
            if (file == null || file.isEmpty()) {
                throw DomainException.onField(HttpStatus.BAD_REQUEST, "file",
                        "knowledge.fileEmpty");
            }
            files.attach(id, file.getOriginalFilename(), file.getInputStream(), me);
        } catch (DomainException e) {
            PageProblem.flash(redirect, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "redirect:/knowledge/articles/" + id;
    }

    @GetMapping("/articles/{id}/files/{fileId}")
    @PreAuthorize("hasAuthority('KNOWLEDGE_READ')")
    ResponseEntity<Resource> download(@PathVariable long id, @PathVariable long fileId) {
        return download(files.file(id, fileId));
    }

    /** A file as a download: the stored type, the original name, never rendered inline. */
    static ResponseEntity<Resource> download(KnowledgeFiles.StoredFile stored) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(stored.info().contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(stored.info().fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(new FileSystemResource(stored.path()));
    }

    private String categoryName(Long categoryId) {
        if (categoryId == null) {
            return null;
        }
        List<Categories.Category> tree = categories.tree();
        return tree.stream().filter(c -> c.id() == categoryId).map(Categories.Category::name).findFirst()
                .orElse(null);
    }
}
