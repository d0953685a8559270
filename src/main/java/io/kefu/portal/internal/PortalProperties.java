package io.kefu.portal.internal;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the customer portal and the web form, bound from {@code kefu.portal.*} (environment variables in
 * README.md).
 *
 * @param baseUrl          the address customers reach Kefu at, for links in emails (e.g.
 *                         {@code https://help.example.com}); blank means {@code http://localhost:<port>}. Never taken
 *                         from the request, whose Host header a sender could forge to steal the links.
 * @param companyName      shown at the top of the portal's pages; blank shows the application's name
 * @param embedOrigins     the sites that may show the web form in a frame, e.g. {@code https://www.example.com}
 * @param formLimit        how many submissions of the public pages one client address and one email may make
 * @param minFillTime      a web form sent back sooner than this after it was shown is a robot's
 * @param maxFailedSignIns failed password sign-ins after which an account is locked
 * @param lockout          how long a locked account stays locked
 */
@ConfigurationProperties("kefu.portal")
public record PortalProperties(String baseUrl,
                               String companyName,
                               @DefaultValue("'self'") List<String> embedOrigins,
                               @DefaultValue FormLimit formLimit,
                               @DefaultValue("3s") Duration minFillTime,
                               @DefaultValue("5") int maxFailedSignIns,
                               @DefaultValue("15m") Duration lockout) {

    /**
     * @param perAddress requests per client address within the window
     * @param perEmail   requests per email within the window
     * @param window     the sliding window
     */
    public record FormLimit(@DefaultValue("5") int perAddress, @DefaultValue("5") int perEmail,
                            @DefaultValue("10m") Duration window) {
    }
}
