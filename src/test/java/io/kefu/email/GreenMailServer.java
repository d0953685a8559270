package io.kefu.email;

import java.io.ByteArrayInputStream;
import java.util.Properties;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/** A real IMAP (and optionally SMTP) server holding one customer-service mailbox, for the email channel's tests. */
final class GreenMailServer implements AutoCloseable {

    static final String PASSWORD = "imap-secret";

    final GreenMail server;
    private final String address;

    private GreenMailServer(String address, ServerSetup... setups) {
        this.address = address;
        server = new GreenMail(setups);
        server.start();
        server.setUser(address, address, PASSWORD);
    }

    /** IMAP on a free port, with the mailbox {@code address} (also its user name). */
    static GreenMailServer imap(String address) {
        return imap(address, 0);
    }

    /** IMAP on the given port, e.g. where a mailbox already points while its server was down. */
    static GreenMailServer imap(String address, int port) {
        return new GreenMailServer(address, new ServerSetup(port, "localhost", ServerSetup.PROTOCOL_IMAP));
    }

    /** SMTP on the given port (the application's spring.mail.port or a mailbox's own). */
    static GreenMailServer smtp(int port) {
        return new GreenMailServer("nobody@kefu-mail.test", new ServerSetup(port, "localhost", ServerSetup.PROTOCOL_SMTP));
    }

    int imapPort() {
        return server.getImap().getPort();
    }

    /** Puts a raw message into the mailbox's INBOX, as a mail server would. */
    void deliver(byte[] raw) {
        try {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
            server.getUserManager().getUser(address).deliver(message);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The JSON of a mailbox on this server, for {@code POST /api/v1/mailboxes}. */
    String mailboxJson(String name, int pollSeconds) {
        return """
                {"name": "%s", "address": "%s", "displayName": "客服中心", "imapHost": "localhost", "imapPort": %d,
                 "imapTls": false, "imapUsername": "%s", "imapPassword": "%s", "pollSeconds": %d,
                 "signatureTemplate": "{agent}\\n{mailbox}"}""".formatted(name, address, imapPort(), address, PASSWORD,
                pollSeconds);
    }

    @Override
    public void close() {
        server.stop();
    }
}
