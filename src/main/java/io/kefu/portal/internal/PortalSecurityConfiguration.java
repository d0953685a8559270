package io.kefu.portal.internal;

import java.util.stream.Collectors;

import io.kefu.portal.PortalCustomer;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;

/**
 * The customer portal's own door, between the API (order 1) and the staff UI (order 3). Customers are not staff:
 * their sign-in is kept in the session under a key of its own, so a customer session means nothing to staff pages
 * and a staff session means nothing here (a staff member is an anonymous visitor to the portal). CSRF protects
 * every form but the public web form, which must work inside another site's frame where the browser sends no
 * cookies; only that form may be framed, by the configured origins.
 */
@Configuration(proxyBeanMethods = false)
class PortalSecurityConfiguration {

    /** The session attributes of a portal sign-in and of the page to return to after it. */
    static final String CONTEXT_KEY = PortalCustomer.SESSION_ATTRIBUTE;
    static final String SAVED_REQUEST_KEY = "KEFU_PORTAL_SAVED_REQUEST";

    static final String[] PUBLIC_PAGES = {"/portal/login", "/portal/login/link", "/portal/signup",
            "/portal/password-reset", "/portal/link", "/portal/form"};

    @Bean
    PortalSessionStore portalSessionStore() {
        HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
        contexts.setSpringSecurityContextKey(CONTEXT_KEY);
        HttpSessionRequestCache requests = new HttpSessionRequestCache();
        requests.setSessionAttrName(SAVED_REQUEST_KEY);
        requests.setMatchingRequestParameterName(null);
        return new PortalSessionStore(contexts, requests);
    }

    @Bean
    @Order(2)
    SecurityFilterChain portalSecurity(HttpSecurity http, PortalSessionStore sessions, PortalProperties properties)
            throws Exception {
        return http
                .securityMatcher("/portal", "/portal/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(PUBLIC_PAGES).permitAll()
                        .anyRequest().hasAuthority(PortalCustomer.AUTHORITY))
                .securityContext(context -> context.securityContextRepository(sessions.contexts()))
                .requestCache(cache -> cache.requestCache(sessions.requests()))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/portal/login")))
                .csrf(csrf -> csrf.ignoringRequestMatchers("/portal/form"))
                .logout(logout -> logout.logoutUrl("/portal/logout").logoutSuccessUrl("/portal/login?logout")
                        // Signing out of the portal leaves a staff sign-in in the same browser alone.
                        .invalidateHttpSession(false)
                        .addLogoutHandler((request, response, authentication) -> sessions.forget(request, response)))
                .headers(headers -> headers
                        .frameOptions(frames -> frames.disable())
                        .addHeaderWriter(contentSecurityPolicy(properties)))
                .build();
    }

    /** The staff UI's policy, but the web form may be framed by the configured sites. */
    private static HeaderWriter contentSecurityPolicy(PortalProperties properties) {
        String embedders = properties.embedOrigins().stream().map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.joining(" "));
        return (request, response) -> response.setHeader("Content-Security-Policy",
                "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; "
                        + "frame-ancestors " + (isWebForm(request) && !embedders.isEmpty() ? embedders : "'self'"));
    }

    private static boolean isWebForm(HttpServletRequest request) {
        return request.getRequestURI().equals(request.getContextPath() + "/portal/form");
    }
}
