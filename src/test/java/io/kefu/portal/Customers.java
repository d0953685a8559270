package io.kefu.portal;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.kefu.WebSession;
import io.kefu.notification.Mailbox;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What the portal tests do as customers: sign up through the pages, read the links the portal emails them. */
final class Customers {

    static final String PASSWORD = "Kunde2026pw";
    private static final Pattern LINK = Pattern.compile("https?://\\S+/portal/link\\?token=[A-Za-z0-9_-]+");

    private Customers() {
    }

    static String uniqueEmail(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    /** A client address of its own per test, so that one test's requests do not count towards another's limit. */
    static String uniqueAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }

    static WebSession session(int port) {
        return new WebSession(port).from(uniqueAddress());
    }

    /** Waits for the {@code count}-th mail to this address and returns its text. */
    static String awaitMail(Mailbox mailbox, String email, int count) {
        await().atMost(Duration.ofSeconds(20)).until(() -> mailbox.to(email).size() >= count);
        return text(mailbox.to(email).get(count - 1));
    }

    /** The one-time link in the {@code count}-th mail to this address, as a path with its token. */
    static String awaitLink(Mailbox mailbox, String email, int count) {
        Matcher link = LINK.matcher(awaitMail(mailbox, email, count));
        assertThat(link.find()).as("a portal link in the mail").isTrue();
        return link.group().replaceFirst("^https?://[^/]+", "");
    }

    static String tokenOf(String link) {
        return link.substring(link.indexOf("token=") + "token=".length());
    }

    /** Signs up through the page and follows the verification link: returns the signed-in session. */
    static WebSession signedUp(int port, Mailbox mailbox, String name, String email) {
        WebSession session = session(port);
        session.get("/portal/signup");
        WebSession.Page sent = session.post("/portal/signup", Map.of("name", name, "email", email,
                "password", PASSWORD));
        assertThat(sent.body()).contains("portalCheckMail");
        String link = awaitLink(mailbox, email, 1);
        follow(session, link);
        return session;
    }

    /** Opens an emailed link and presses its button: she is signed in and sent to her tickets. */
    static WebSession.Page follow(WebSession session, String link) {
        assertThat(session.get(link).body()).contains("portalContinue");
        return session.post("/portal/link", Map.of("token", tokenOf(link)));
    }

    static String text(MimeMessage message) {
        try {
            return message.getContent().toString();
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
