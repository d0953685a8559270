package io.kefu.portal.internal;

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

import java.util.List;

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
        String target = saved == null ? null : saved.getRedirectUrl();
        return target != null && isPortalPage(request, target) ? target : "/portal";
    }

    void forget(HttpServletRequest request, HttpServletResponse response) {
        contexts.saveContext(SecurityContextHolder.createEmptyContext(), request, response);
    }

    /** Only back into the portal's own pages, never to another site or the staff UI. */
    private static boolean isPortalPage(HttpServletRequest request, String url) {
        String origin = request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort();
        String path = url.startsWith(origin) ? url.substring(origin.length()) : url;
        return path.startsWith("/portal/") && !path.startsWith("//");
    }
}
