package io.kefu.identity.internal;

import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.http.HttpHeaders;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;

import io.kefu.audit.AuditLog;
import io.kefu.identity.StaffPrincipal;
import io.kefu.platform.web.ProblemResponder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two doors. The API ({@code /api/**}, and the metrics scrape) takes only bearer tokens, keeps no session and
 * answers refusals with problem details. Everything else is the staff UI: form sign-in, CSRF on every form,
 * friendly error pages. What each endpoint needs is declared on the endpoint with {@code @PreAuthorize}.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** Sign-in by form; the principal kept in the session carries no password hash. */
    @Bean
    DaoAuthenticationProvider staffAuthentication(StaffRepository staff, PasswordEncoder passwordEncoder) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(new StaffAccounts(staff)) {
            @Override
            protected Authentication createSuccessAuthentication(Object principal, Authentication authentication,
                                                                 UserDetails user) {
                StaffPrincipal withoutHash = ((StaffPrincipal) user).withoutPassword();
                return super.createSuccessAuthentication(withoutHash, authentication, withoutHash);
            }
        };
        provider.setPasswordEncoder(passwordEncoder);
        return provider;
    }

    /**
     * Requests are measured by the HTTP server's own observation (http.server.requests); observing each filter of the
     * security chain, each authentication and each authorisation as well cost a share of every API call's CPU.
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, ApiTokenService tokens, ProblemResponder problems)
            throws Exception {
        return http
                .securityMatcher("/api/**", "/actuator/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/actuator/**").hasRole(Role.ADMINISTRATOR)
                        // Messaging channels sign their messages instead of holding a token; the channel checks it.
                        .requestMatchers(HttpMethod.POST, "/api/v1/channels/*/inbound").permitAll()
                        .anyRequest().authenticated())
                .addFilterBefore(new ApiTokenAuthenticationFilter(tokens, problems), BasicAuthenticationFilter.class)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Kefu's own pages (the chat workspace) call the API with the staff session they were signed in
                // with; such a call that changes something must carry the session's CSRF token. Token calls never do.
                .securityContext(context -> context.securityContextRepository(new DelegatingSecurityContextRepository(
                        new RequestAttributeSecurityContextRepository(), new SignedInPagesOnly())))
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(SecurityConfiguration::sessionWrite))
                .requestCache(cache -> cache.disable())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) ->
                                problems.write(request, response, HttpStatus.UNAUTHORIZED, "problem.unauthenticated"))
                        .accessDeniedHandler((request, response, e) ->
                                problems.write(request, response, HttpStatus.FORBIDDEN, "problem.forbidden")))
                .build();
    }

    /** Reads the sign-in of a staff page's session; an API call never creates or changes a session. */
    private static final class SignedInPagesOnly extends HttpSessionSecurityContextRepository {

        @Override
        public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
            // the session belongs to the pages, which sign in and out
        }
    }

    private static boolean sessionWrite(HttpServletRequest request) {
        return !Set.of("GET", "HEAD", "OPTIONS", "TRACE").contains(request.getMethod())
                && request.getHeader(HttpHeaders.AUTHORIZATION) == null && request.getSession(false) != null;
    }

    /** After the customer portal's chain ({@code /portal/**}, order 2), which keeps its own sessions and sign-in. */
    @Bean
    @Order(3)
    SecurityFilterChain uiSecurity(HttpSecurity http, AuditLog audit, TransactionTemplate transactions)
            throws Exception {
        LogoutHandler auditLogout = (request, response, authentication) -> {
            if (authentication != null) {
                transactions.executeWithoutResult(status ->
                        audit.recordUnauthenticated(authentication.getName(), "auth.logout", null));
            }
        };
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/error", "/webjars/**", "/css/**", "/js/**", "/favicon.ico", "/favicon.svg",
                                "/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
                .logout(logout -> logout.logoutUrl("/logout").addLogoutHandler(auditLogout)
                        .logoutSuccessUrl("/login?logout").deleteCookies("JSESSIONID"))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                                        + "script-src 'self'; frame-ancestors 'self'")))
                .build();
    }
}
