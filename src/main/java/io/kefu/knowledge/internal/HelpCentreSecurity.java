package io.kefu.knowledge.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The public help centre's door, before the staff UI (order 3): anyone may read it, vote and suggest, without
 * signing in. CSRF still protects its forms (the token lives in the visitor's session, as her vote key does).
 */
@Configuration(proxyBeanMethods = false)
class HelpCentreSecurity {

    @Bean
    @Order(2)
    SecurityFilterChain helpCentreFilterChain(HttpSecurity http) throws Exception {
        return http
                .securityMatcher("/help", "/help/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                                + "script-src 'self'; frame-ancestors 'self'")))
                .build();
    }
}
