package io.kefu.portal.internal;

import java.util.Locale;

import io.kefu.notification.NotificationChannel;
import io.kefu.notification.NotificationRequest;
import io.kefu.notification.Notifications;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The emails the portal sends customers, in their language, through the notification outbox (so each is sent
 * exactly when the transaction that asked for it commits). Links point at {@link PortalSettings#baseUrl()}.
 */
@Component
class PortalMail {

    private final Notifications notifications;
    private final MessageSource messages;
    private final PortalSettings settings;

    PortalMail(Notifications notifications, MessageSource messages, PortalSettings settings) {
        this.notifications = notifications;
        this.messages = messages;
        this.settings = settings;
    }

    /** The link a one-time token is redeemed at. */
    String tokenLink(String secret) {
        return url("/portal/link", secret);
    }

    String ticketLink(long ticketId) {
        return url("/portal/tickets/" + ticketId, null);
    }

    /**
     * Sends the email whose subject and body are {@code portal.mail.<kind>.subject} and {@code .body}; the body's
     * arguments are the given ones followed by the company name.
     *
     * @param dedupKey sends it once for this key, or null
     */
    void send(String address, Locale locale, String kind, String dedupKey, Object... arguments) {
        Object[] withCompany = new Object[arguments.length + 1];
        System.arraycopy(arguments, 0, withCompany, 0, arguments.length);
        withCompany[arguments.length] = settings.companyName(locale);
        String subject = messages.getMessage("portal.mail." + kind + ".subject", withCompany, locale);
        String body = messages.getMessage("portal.mail." + kind + ".body", withCompany, locale);
        notifications.send(new NotificationRequest(NotificationChannel.EMAIL, null, address, subject, body, null,
                dedupKey));
    }

    private String url(String path, String token) {
        UriComponentsBuilder builder = UriComponentsBuilder.fromUriString(settings.baseUrl() + path);
        if (token != null) {
            builder.queryParam("token", token);
        }
        return builder.build().toUriString();
    }
}
