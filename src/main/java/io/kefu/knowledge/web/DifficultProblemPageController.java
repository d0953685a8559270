package io.kefu.knowledge.web;

import io.kefu.identity.StaffPrincipal;
import io.kefu.knowledge.internal.DifficultProblems;
import io.kefu.platform.DomainException;
import io.kefu.platform.web.PageProblem;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Difficult problems: writers flag a ticket (from the ticket page), every reader may follow and discuss them,
 * reviewers close them with the article that answers them.
 */
@Controller
@RequestMapping("/knowledge/difficult")
class DifficultProblemPageController {

    private final DifficultProblems problems;

    DifficultProblemPageController(DifficultProblems problems) {
        this.problems = problems;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('KNOWLEDGE_READ')")
    String queue(@RequestParam(defaultValue = "OPEN") DifficultProblems.State state, Model model) {
        model.addAttribute("problems", problems.list(state, 200));
        model.addAttribute("state", state);
        model.addAttribute("states", DifficultProblems.State.values());
        return "knowledge/difficult";
    }

    @PostMapping
    @PreAuthorize("hasAuthority('KNOWLEDGE_WRITE')")
    String flag(@RequestParam(required = false) Long ticketId, @RequestParam(required = false) String note,
                @AuthenticationPrincipal StaffPrincipal me, RedirectAttributes redirect) {
        try {
            if (ticketId == null) {
                throw DomainException.onField(HttpStatus.BAD_REQUEST, "ticketId", "knowledge.ticketRequired");
            }
            return "redirect:/knowledge/difficult/" + problems.flag(ticketId, note, me).id();
        } catch (DomainException e) {
            PageProblem.flash(redirect, e);
            return "redirect:/knowledge/difficult";
        }
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('KNOWLEDGE_READ')")
    String show(@PathVariable long id, Model model) {
        model.addAttribute("problem", problems.get(id));
        model.addAttribute("comments", problems.comments(id));
        return "knowledge/difficult-problem";
    }

    @PostMapping("/{id}/comments")
    @PreAuthorize("hasAuthority('KNOWLEDGE_READ')")
    String comment(@PathVariable long id, @RequestParam(required = false) String text,
                   @AuthenticationPrincipal StaffPrincipal me, RedirectAttributes redirect) {
        try {
            problems.comment(id, text, me);
        } catch (DomainException e) {
            problems.get(id);
            PageProblem.flash(redirect, e);
        }
        return "redirect:/knowledge/difficult/" + id;
    }

    @PostMapping("/{id}/close")
    @PreAuthorize("hasAuthority('KNOWLEDGE_REVIEW')")
    String close(@PathVariable long id, @RequestParam(required = false) Long articleId,
                 @AuthenticationPrincipal StaffPrincipal me, RedirectAttributes redirect) {
        try {
            if (articleId == null) {
                throw DomainException.onField(HttpStatus.BAD_REQUEST, "articleId", "knowledge.articleRequired");
            }
            problems.close(id, articleId, me);
        } catch (DomainException e) {
            problems.get(id);
            PageProblem.flash(redirect, e);
        }
        return "redirect:/knowledge/difficult/" + id;
    }
}
