package io.kefu.portal.internal;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** The portal's settings as pages and emails use them: the company's name and the address customers reach. */
@Component
public class PortalSettings {

    private final PortalProperties properties;
    private final MessageSource messages;
    private final Environment environment;

    PortalSettings(PortalProperties properties, MessageSource messages, Environment environment) {
        this.properties = properties;
        this.messages = messages;
        this.environment = environment;
    }

    /** The configured company name, or the application's name in this language. */
    public String companyName(Locale locale) {
        String configured = properties.companyName();
        return configured == null || configured.isBlank() ? messages.getMessage("app.name", null, locale) : configured;
    }

    /** Where customers reach Kefu, without a trailing slash: the configured address or this server on localhost. */
    String baseUrl() {
        String configured = properties.baseUrl();
        if (configured != null && !configured.isBlank()) {
            return configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
        }
        return "http://localhost:" + environment.getProperty("local.server.port",
                environment.getProperty("server.port", "8080"));
    }
}
