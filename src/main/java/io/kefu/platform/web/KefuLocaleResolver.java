package io.kefu.platform.web;

import java.time.Duration;
import java.util.Locale;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * API calls speak the language of their {@code Accept-Language}; the UI speaks Chinese until the user switches,
 * and the switch sticks in a cookie for a year.
 */
class KefuLocaleResolver implements LocaleResolver {

    static final String COOKIE = "kefu-lang";

    private final AcceptHeaderLocaleResolver api = new AcceptHeaderLocaleResolver();
    private final CookieLocaleResolver ui = new CookieLocaleResolver(COOKIE);

    KefuLocaleResolver() {
        api.setSupportedLocales(Locales.SUPPORTED);
        api.setDefaultLocale(Locales.DEFAULT);
        ui.setDefaultLocale(Locales.DEFAULT);
        ui.setCookieMaxAge(Duration.ofDays(365));
        ui.setCookieHttpOnly(true);
    }

    /**
     * True for API calls (the chat widget's {@code /chat/api/} too), also while an API call's error is being
     * rendered on {@code /error}.
     */
    static boolean isApi(HttpServletRequest request) {
        Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String uri = original instanceof String errorUri ? errorUri : request.getRequestURI();
        return uri.startsWith(request.getContextPath() + "/api/")
                || uri.startsWith(request.getContextPath() + "/chat/api/");
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        return isApi(request) ? api.resolveLocale(request) : supported(ui.resolveLocale(request));
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        ui.setLocale(request, response, locale == null ? null : supported(locale));
    }

    private static Locale supported(Locale locale) {
        return Locales.SUPPORTED.stream()
                .filter(candidate -> candidate.getLanguage().equals(locale.getLanguage()))
                .findFirst()
                .orElse(Locales.DEFAULT);
    }
}
