package io.kefu.portal.web;

import java.util.Locale;

import io.kefu.platform.DomainException;
import io.kefu.portal.internal.PortalSettings;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.ModelAndView;

/**
 * What the customers' pages share: the company's name at the top, and refusals (another customer's ticket, a
 * missing file) on the portal's own error page rather than the staff UI's.
 */
@ControllerAdvice(assignableTypes = {PortalSignInController.class, PortalTicketController.class,
        WebFormController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class PortalPageAdvice {

    private final PortalSettings settings;

    PortalPageAdvice(PortalSettings settings) {
        this.settings = settings;
    }

    @ModelAttribute("companyName")
    String companyName(Locale locale) {
        return settings.companyName(locale);
    }

    @ExceptionHandler(DomainException.class)
    ModelAndView refused(DomainException e, HttpServletResponse response, Locale locale) {
        response.setStatus(e.status().value());
        return new ModelAndView("portal/error")
                .addObject("status", e.status().value())
                .addObject("reasonKey", e.messageKey())
                .addObject("reasonArgs", e.arguments())
                .addObject("companyName", settings.companyName(locale));
    }
}
