package io.kefu.knowledge.web;

import java.util.UUID;

import io.kefu.knowledge.internal.Article;
import io.kefu.knowledge.internal.ArticleSearch;
import io.kefu.knowledge.internal.Categories;
import io.kefu.knowledge.internal.HelpCentre;
import io.kefu.knowledge.internal.KnowledgeFiles;
import io.kefu.platform.DomainException;
import io.kefu.platform.web.PageProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The public help centre (no sign-in): categories, public articles by views, an article (each reading counts a
 * view), "was this helpful?" once per browser session, and suggestions from customers. Search comes with the
 * search module.
 */
@Controller
@RequestMapping("/help")
class HelpCentreController {

    /** The visitor's random key in her session: her votes are counted once per article under it. */
    static final String VISITOR_KEY = "KEFU_HELP_VISITOR";

    private static final int SEARCH_RESULTS = 10;

    private final HelpCentre help;
    private final Categories categories;
    private final KnowledgeFiles files;
    private final ArticleSearch search;

    HelpCentreController(HelpCentre help, Categories categories, KnowledgeFiles files, ArticleSearch search) {
        this.help = help;
        this.categories = categories;
        this.files = files;
        this.search = search;
    }

    /** The categories and most-read articles, or, with {@code q}, the articles that answer it best. */
    @GetMapping
    String home(@RequestParam(required = false) Long category, @RequestParam(required = false) String q,
                Model model) {
        model.addAttribute("categories", categories.tree());
        model.addAttribute("category", category);
        model.addAttribute("q", q);
        if (q != null && !q.isBlank()) {
            model.addAttribute("hits", search.forCustomers(q, SEARCH_RESULTS));
        } else {
            model.addAttribute("articles", help.articles(category, 100));
        }
        return "knowledge/help-home";
    }

    @GetMapping("/articles/{id}")
    String article(@PathVariable long id, HttpSession session, Model model) {
        Article article = help.read(id);
        model.addAttribute("article", article);
        model.addAttribute("files", files.of(id));
        model.addAttribute("voted", help.hasVoted(id, (String) session.getAttribute(VISITOR_KEY)));
        return "knowledge/help-article";
    }

    @PostMapping("/articles/{id}/vote")
    String vote(@PathVariable long id, @RequestParam(defaultValue = "true") boolean helpful,
                @RequestParam(required = false) String comment, HttpSession session, RedirectAttributes redirect) {
        try {
            help.vote(id, visitorKey(session), helpful, comment);
            redirect.addFlashAttribute("thanksVote", true);
        } catch (DomainException e) {
            help.article(id);
            PageProblem.flash(redirect, e);
        }
        return "redirect:/help/articles/" + id;
    }

    @PostMapping("/articles/{id}/suggestions")
    String suggest(@PathVariable long id, @RequestParam(required = false) String name,
                   @RequestParam(required = false) String email, @RequestParam(required = false) String text,
                   HttpServletRequest request, RedirectAttributes redirect) {
        try {
            help.suggest(id, name, email, text, request.getRemoteAddr());
            redirect.addFlashAttribute("thanksSuggestion", true);
        } catch (DomainException e) {
            help.article(id);
            PageProblem.flash(redirect, e);
        }
        return "redirect:/help/articles/" + id;
    }

    @GetMapping("/articles/{id}/files/{fileId}")
    ResponseEntity<Resource> download(@PathVariable long id, @PathVariable long fileId) {
        help.article(id);
        return ArticlePageController.download(files.file(id, fileId));
    }

    private static String visitorKey(HttpSession session) {
        String key = (String) session.getAttribute(VISITOR_KEY);
        if (key == null) {
            key = UUID.randomUUID().toString();
            session.setAttribute(VISITOR_KEY, key);
        }
        return key;
    }
}
