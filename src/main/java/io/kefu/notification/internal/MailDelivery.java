package io.kefu.notification.internal;

import java.nio.charset.StandardCharsets;

import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends notification emails through the SMTP server of {@code spring.mail.*}. Without one (no
 * {@code spring.mail.host}) there is no mail sender, and emails wait in the outbox until one is configured.
 */
@Component
class MailDelivery {

    static final String NOT_CONFIGURED = "no SMTP server configured (spring.mail.host)";

    private final ObjectProvider<JavaMailSender> sender;
    private final NotificationProperties properties;

    MailDelivery(ObjectProvider<JavaMailSender> sender, NotificationProperties properties) {
        this.sender = sender;
        this.properties = properties;
    }

    boolean configured() {
        return sender.getIfAvailable() != null;
    }

    void send(long id, String to, String subject, String body) {
        JavaMailSender mail = sender.getIfAvailable();
        if (mail == null) {
            throw new IllegalStateException(NOT_CONFIGURED);
        }
        try {
            mail.send((MimeMessage message) -> {
                MimeMessageHelper helper = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
                helper.setFrom(properties.mailFrom());
                helper.setTo(to);
                helper.setSubject(subject == null ? "" : subject);
                helper.setText(body);
                message.setHeader("X-Kefu-Notification-Id", Long.toString(id));
            });
        } catch (MailParseException | MailPreparationException e) {
            throw new UndeliverableException("invalid email: " + e.getMostSpecificCause().getMessage(), e);
        }
    }
}
