package io.kefu.platform.web;

import java.io.IOException;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Whatever fails outside a controller (an unknown address, a wrong method, an error in a filter) ends here: API
 * callers get a problem detail in their language, people get the friendly error page.
 */
@Controller
class KefuErrorController implements ErrorController {

    private final ProblemResponder problems;

    KefuErrorController(ProblemResponder problems) {
        this.problems = problems;
    }

    @RequestMapping("/error")
    ModelAndView error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpStatus status = statusOf(request);
        if (KefuLocaleResolver.isApi(request)) {
            problems.write(request, response, status, "problem.status." + status.value());
            return null;
        }
        response.setStatus(status.value());
        return new ModelAndView("error/error").addObject("status", status.value());
    }

    private static HttpStatus statusOf(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code == null) {
            return HttpStatus.NOT_FOUND; // /error asked for directly: there is nothing here
        }
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        return status != null ? status : HttpStatus.INTERNAL_SERVER_ERROR;
    }
}
