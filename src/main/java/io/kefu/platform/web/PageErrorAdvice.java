package io.kefu.platform.web;

import io.kefu.platform.DomainException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * A refusal on a page that has no form to show it on (a missing record, say) becomes the friendly error page
 * with the reason, and the right status. The API has its own advice, which comes first.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageErrorAdvice {

    @ExceptionHandler(DomainException.class)
    ModelAndView refused(DomainException e, HttpServletResponse response) {
        response.setStatus(e.status().value());
        ModelAndView page = new ModelAndView("error/error");
        page.addObject("status", e.status().value());
        page.addObject("reasonKey", e.messageKey());
        page.addObject("reasonArgs", e.arguments());
        return page;
    }
}
