package io.kefu.notification;

import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** A real SMTP server (GreenMail) on the port the application sends to; started and stopped by the tests. */
public final class Mailbox implements AutoCloseable {

    private final GreenMail server;

    private Mailbox(int port) {
        server = new GreenMail(new ServerSetup(port, "localhost", ServerSetup.PROTOCOL_SMTP));
        server.start();
    }

    /** Starts the server on the SMTP port of the application's mail sender. */
    public static Mailbox startFor(JavaMailSender sender) {
        return new Mailbox(((JavaMailSenderImpl) sender).getPort());
    }

    /** The messages received so far for this address. */
    public List<MimeMessage> to(String address) {
        return Arrays.stream(server.getReceivedMessages()).filter(m -> isTo(m, address)).toList();
    }

    private static boolean isTo(MimeMessage message, String address) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .anyMatch(a -> a.toString().equalsIgnoreCase(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
