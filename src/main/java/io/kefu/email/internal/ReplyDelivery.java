package io.kefu.email.internal;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;

import io.kefu.platform.DomainException;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends a queued reply over the mailbox's SMTP server, or the application's when the mailbox has none. A server that
 * is down or refuses for now delays the reply (attempts and the last error are kept for administrators); only a
 * reply that can never be sent as it is (an invalid address) is given up.
 */
@Component
class ReplyDelivery {

    static final String NOT_CONFIGURED = "no SMTP server configured (spring.mail.host or the mailbox's own)";
    private static final Logger log = LoggerFactory.getLogger(ReplyDelivery.class);

    private final OutboxStore outbox;
    private final MailboxStore mailboxes;
    private final ObjectProvider<JavaMailSender> applicationSender;
    private final EmailProperties properties;

    ReplyDelivery(OutboxStore outbox, MailboxStore mailboxes, ObjectProvider<JavaMailSender> applicationSender,
                  EmailProperties properties) {
        this.outbox = outbox;
        this.mailboxes = mailboxes;
        this.applicationSender = applicationSender;
        this.properties = properties;
    }

    /** One attempt; when the next one is due, or empty when the reply is done with (sent, given up, gone). */
    Optional<Instant> attempt(long id) {
        Optional<OutboxEntry> found = outbox.find(id).filter(e -> OutboxEntry.PENDING.equals(e.state()));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        OutboxEntry entry = found.get();
        Mailbox mailbox = mailboxes.find(entry.mailboxId())
                .orElseThrow(() -> DomainException.notFound(MailboxService.NOT_FOUND, entry.mailboxId()));
        try {
            send(entry, mailbox);
            outbox.sent(id);
            return Optional.empty();
        } catch (AddressException | MailParseException | MailPreparationException e) {
            outbox.failed(id, InboundMail.reason(e));
            log.warn("Email reply {} cannot be sent: {}", id, e.toString());
            return Optional.empty();
        } catch (MessagingException | UnsupportedEncodingException | RuntimeException e) {
            Duration wait = properties.backoffAfter(entry.attempts() + 1);
            outbox.retryLater(id, InboundMail.reason(e), wait);
            log.info("Email reply {} attempt {} failed, next in {}: {}", id, entry.attempts() + 1, wait, e.toString());
            return Optional.of(Instant.now().plus(wait));
        }
    }

    private void send(OutboxEntry entry, Mailbox mailbox) throws MessagingException, UnsupportedEncodingException {
        JavaMailSender sender = senderFor(mailbox);
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
        helper.setFrom(new InternetAddress(mailbox.address(), mailbox.senderName(), StandardCharsets.UTF_8.name()));
        helper.setTo(new InternetAddress(entry.toAddress(), true));
        helper.setSubject(entry.subject());
        helper.setText(entry.body());
        message.setHeader("Message-ID", entry.messageId());
        if (entry.inReplyTo() != null) {
            message.setHeader("In-Reply-To", entry.inReplyTo());
        }
        if (entry.referenceIds() != null) {
            message.setHeader("References", MimeUtility.fold(12, entry.referenceIds()));
        }
        message.setHeader(Classification.LOOP_HEADER, mailbox.address());
        message.setHeader("Auto-Submitted", "no");
        sender.send(message);
    }

    private JavaMailSender senderFor(Mailbox mailbox) {
        if (mailbox.smtpHost() == null) {
            JavaMailSender sender = applicationSender.getIfAvailable();
            if (sender == null) {
                throw new IllegalStateException(NOT_CONFIGURED);
            }
            return sender;
        }
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(mailbox.smtpHost());
        if (mailbox.smtpPort() != null) {
            sender.setPort(mailbox.smtpPort());
        }
        sender.setUsername(mailbox.smtpUsername());
        sender.setPassword(mailbox.smtpPassword());
        sender.setDefaultEncoding(StandardCharsets.UTF_8.name());
        Properties smtp = new Properties();
        String timeout = Long.toString(properties.connectTimeout().toMillis());
        smtp.setProperty("mail.smtp.connectiontimeout", timeout);
        smtp.setProperty("mail.smtp.timeout", timeout);
        smtp.setProperty("mail.smtp.writetimeout", timeout);
        smtp.setProperty("mail.smtp.auth", Boolean.toString(mailbox.smtpUsername() != null));
        // TLS on: implicit TLS on port 465, STARTTLS (required) on any other.
        if (mailbox.smtpTls() && Integer.valueOf(465).equals(mailbox.smtpPort())) {
            sender.setProtocol("smtps");
        } else if (mailbox.smtpTls()) {
            smtp.setProperty("mail.smtp.starttls.enable", "true");
            smtp.setProperty("mail.smtp.starttls.required", "true");
        }
        sender.setJavaMailProperties(smtp);
        return sender;
    }
}
