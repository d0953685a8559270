package io.kefu.chat.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.kefu.portal.PortalCustomer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;

/**
 * The widget's door ({@code /chat/**}), before the staff UI (order 3). Visitors are not signed in: the visitor
 * token header is their credential, checked by the chat API itself, so there is no CSRF token (a cross-site page
 * cannot read or send that header without CORS letting it). The sites in the chat settings may call the API from
 * the browser (CORS). A staff sign-in (to download chat files) and a portal sign-in (to know the visitor) are read
 * from the session, never created here.
 */
@Configuration(proxyBeanMethods = false)
class ChatSecurityConfiguration {

    @Bean
    @Order(2)
    SecurityFilterChain chatSecurity(HttpSecurity http, ChatSettingsStore settings, Clock clock) throws Exception {
        HttpSessionSecurityContextRepository portal = new HttpSessionSecurityContextRepository();
        portal.setSpringSecurityContextKey(PortalCustomer.SESSION_ATTRIBUTE);
        return http
                .securityMatcher(ChatSecurityConfiguration::widgetRequest)
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .securityContext(context -> context.securityContextRepository(
                        new DelegatingSecurityContextRepository(new HttpSessionSecurityContextRepository(), portal)))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.disable())
                .cors(cors -> cors.configurationSource(new AllowedOrigins(settings, clock)))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                                + "script-src 'self'; frame-ancestors 'self'")))
                .build();
    }

    /** The widget's paths under /chat; the staff pages there (workspace, monitor) belong to the staff UI's chain. */
    private static boolean widgetRequest(jakarta.servlet.http.HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/chat/") && !path.startsWith("/chat/workspace") && !path.startsWith("/chat/monitor");
    }

    /** The embedding sites from the chat settings, read again at most every few seconds. */
    private static final class AllowedOrigins implements CorsConfigurationSource {

        private static final Duration FRESH = Duration.ofSeconds(5);

        private final ChatSettingsStore settings;
        private final Clock clock;
        private volatile CorsConfiguration cached;
        private volatile Instant readAt = Instant.MIN;

        AllowedOrigins(ChatSettingsStore settings, Clock clock) {
            this.settings = settings;
            this.clock = clock;
        }

        @Override
        public CorsConfiguration getCorsConfiguration(jakarta.servlet.http.HttpServletRequest request) {
            if (!request.getRequestURI().startsWith(request.getContextPath() + "/chat/api/")) {
                return null;
            }
            Instant now = clock.instant();
            if (cached == null || readAt.plus(FRESH).isBefore(now)) {
                CorsConfiguration cors = new CorsConfiguration();
                cors.setAllowedOrigins(settings.current().allowedOrigins());
                cors.setAllowedMethods(List.of("GET", "POST"));
                cors.setAllowedHeaders(List.of("Content-Type", "X-Kefu-Visitor", "Last-Event-ID", "Accept-Language"));
                cors.setMaxAge(600L);
                cached = cors;
                readAt = now;
            }
            return cached;
        }
    }
}
