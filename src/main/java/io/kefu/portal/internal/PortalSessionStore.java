package io.kefu.portal.internal;

import java.net.URI;
import java.util.List;

import io.kefu.portal.PortalCustomer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;

/**
 * Where a customer's portal sign-in lives in the HTTP session, apart from a staff sign-in; and signing her in: a
 * new session id first (so a session id planted before sign-in is worthless), then her principal.
 */
public class PortalSessionStore {

    private final HttpSessionSecurityContextRepository contexts;
    private final HttpSessionRequestCache requests;

    PortalSessionStore(HttpSessionSecurityContextRepository contexts, HttpSessionRequestCache requests) {
        this.contexts = contexts;
        this.requests = requests;
    }

    HttpSessionSecurityContextRepository contexts() {
        return contexts;
    }

    HttpSessionRequestCache requests() {
        return requests;
    }

    /** Signs her in and returns where to go: the portal page she asked for before signing in, or her tickets. */
    public String signIn(PortalCustomer customer, HttpServletRequest request, HttpServletResponse response) {
        request.getSession();
        request.changeSessionId();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(customer, null,
                List.of(new SimpleGrantedAuthority(PortalCustomer.AUTHORITY))));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        SavedRequest saved = requests.getRequest(request, response);
        requests.removeRequest(request, response);
        return saved == null ? "/portal" : portalPathOf(saved.getRedirectUrl());
    }

    void forget(HttpServletRequest request, HttpServletResponse response) {
        contexts.saveContext(SecurityContextHolder.createEmptyContext(), request, response);
    }

    /** Only back into the portal's own pages (path and query of the saved address), never another site or staff page. */
    private static String portalPathOf(String url) {
        URI uri = URI.create(url);
        String path = uri.getRawPath();
        if (path == null || !path.startsWith("/portal/")) {
            return "/portal";
        }
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }
}
