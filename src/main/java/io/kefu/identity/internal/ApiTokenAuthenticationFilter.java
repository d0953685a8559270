package io.kefu.identity.internal;

import java.io.IOException;

import io.kefu.platform.web.ProblemResponder;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <token>} on the API. A token that is unknown, revoked or whose
 * owner is disabled is refused at once with a 401 problem detail.
 */
class ApiTokenAuthenticationFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final ApiTokenService tokens;
    private final ProblemResponder problems;

    ApiTokenAuthenticationFilter(ApiTokenService tokens, ProblemResponder problems) {
        this.tokens = tokens;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            chain.doFilter(request, response);
            return;
        }
        var principal = tokens.authenticate(header.substring(BEARER.length()).trim());
        if (principal.isEmpty()) {
            problems.write(request, response, HttpStatus.UNAUTHORIZED, "problem.badToken");
            return;
        }
        var authentication = UsernamePasswordAuthenticationToken.authenticated(principal.get(), null,
                principal.get().getAuthorities());
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
