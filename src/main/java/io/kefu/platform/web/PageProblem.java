package io.kefu.platform.web;

import io.kefu.platform.DomainException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A refusal shown above the page a form redirects to: the layout prints {@code problemKey} with its
 * {@code problemArgs} in the reader's language.
 */
public final class PageProblem {

    private PageProblem() {
    }

    public static void flash(RedirectAttributes redirect, DomainException problem) {
        flash(redirect, problem.messageKey(), problem.arguments());
    }

    public static void flash(RedirectAttributes redirect, String messageKey, Object... arguments) {
        redirect.addFlashAttribute("problemKey", messageKey);
        redirect.addFlashAttribute("problemArgs", arguments);
    }
}
