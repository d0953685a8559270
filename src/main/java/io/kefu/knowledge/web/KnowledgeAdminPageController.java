package io.kefu.knowledge.web;

import io.kefu.identity.StaffPrincipal;
import io.kefu.knowledge.internal.Categories;
import io.kefu.knowledge.internal.Suggestions;
import io.kefu.platform.DomainException;
import io.kefu.platform.web.PageProblem;
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

/** What reviewers keep: the category tree and customers' suggestions from the help centre. */
@Controller
@RequestMapping("/knowledge")
class KnowledgeAdminPageController {

    private final Categories categories;
    private final Suggestions suggestions;

    KnowledgeAdminPageController(Categories categories, Suggestions suggestions) {
        this.categories = categories;
        this.suggestions = suggestions;
    }

    @GetMapping("/categories")
    @PreAuthorize("hasAuthority('KNOWLEDGE_REVIEW')")
    String categories(Model model) {
        model.addAttribute("categories", categories.tree());
        return "knowledge/categories";
    }

    @PostMapping("/categories")
    @PreAuthorize("hasAuthority('KNOWLEDGE_REVIEW')")
    String createCategory(@RequestParam(required = false) String name, @RequestParam(required = false) Long parentId,
                          RedirectAttributes redirect) {
        try {
            categories.create(name, parentId);
        } catch (DomainException e) {
            PageProblem.flash(redirect, e);
        }
        return "redirect:/knowledge/categories";
    }

    @PostMapping("/categories/{id}/delete")
    @PreAuthorize("hasAuthority('KNOWLEDGE_REVIEW')")
    String deleteCategory(@PathVariable long id, RedirectAttributes redirect) {
        try {
            categories.delete(id);
        } catch (DomainException e) {
            PageProblem.flash(redirect, e);
        }
        return "redirect:/knowledge/categories";
    }

    @GetMapping("/suggestions")
    @PreAuthorize("hasAuthority('KNOWLEDGE_REVIEW')")
    String suggestions(@RequestParam(defaultValue = "PENDING") Suggestions.State state, Model model) {
        model.addAttribute("suggestions", suggestions.list(state, 200));
        model.addAttribute("state", state);
        model.addAttribute("states", Suggestions.State.values());
        return "knowledge/suggestions";
    }

    @PostMapping("/suggestions/{id}/accept")
    @PreAuthorize("hasAuthority('KNOWLEDGE_REVIEW')")
    String accept(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal me, RedirectAttributes redirect) {
        try {
            Suggestions.Suggestion accepted = suggestions.accept(id, me);
            // Flash attributes live in the (serialised) session: plain values only.
            redirect.addFlashAttribute("acceptedName", accepted.name());
            redirect.addFlashAttribute("acceptedPoints", accepted.points());
        } catch (DomainException e) {
            suggestions.get(id);
            PageProblem.flash(redirect, e);
        }
        return "redirect:/knowledge/suggestions";
    }

    @PostMapping("/suggestions/{id}/reject")
    @PreAuthorize("hasAuthority('KNOWLEDGE_REVIEW')")
    String reject(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal me, RedirectAttributes redirect) {
        try {
            suggestions.reject(id, me);
        } catch (DomainException e) {
            suggestions.get(id);
            PageProblem.flash(redirect, e);
        }
        return "redirect:/knowledge/suggestions";
    }
}
