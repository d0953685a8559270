package io.kefu.bench;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Properties;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.kefu.ApiClient;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * Inbound email throughput: an IMAP mailbox (GreenMail, in this process) holding {@code messages} customers' mails
 * (UTF-8 and GBK, plain and multipart with an attachment, one sender in ten writing twice) is polled by a running
 * Kefu until every message is stored and is a ticket message. Prints messages/s.
 * <p>Usage: {@code EmailInboundBenchmark <port> <admin token> <messages>}
 */
public final class EmailInboundBenchmark {

    private EmailInboundBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int messages = Integer.parseInt(args[2]);
        ApiClient admin = new ApiClient(port, args[1]);
        String address = "bench-" + System.nanoTime() + "@kefu-mail.test";
        GreenMail imap = new GreenMail(new ServerSetup(0, "localhost", ServerSetup.PROTOCOL_IMAP));
        imap.start();
        try {
            GreenMailUser user = imap.setUser(address, address, "bench");
            Session session = Session.getInstance(new Properties());
            for (int i = 0; i < messages; i++) {
                user.deliver(new MimeMessage(session, new java.io.ByteArrayInputStream(message(i, address))));
            }
            System.out.printf("loaded %d messages into the IMAP mailbox%n", messages);
            ApiClient.Response created = admin.post("/api/v1/mailboxes", """
                    {"name": "bench", "address": "%s", "imapHost": "localhost", "imapPort": %d, "imapTls": false,
                     "imapUsername": "%s", "imapPassword": "bench", "pollSeconds": 86400, "enabled": false}"""
                    .formatted(address, imap.getImap().getPort(), address));
            long id = created.json().get("id").asLong();
            long start = System.nanoTime();
            ApiClient.Response polled = admin.post("/api/v1/mailboxes/" + id + "/poll", "{}");
            double seconds = (System.nanoTime() - start) / 1e9;
            if (polled.status() != 200) {
                throw new IllegalStateException("poll answered " + polled.status() + ": " + polled.body());
            }
            int stored = polled.json().get("newMessages").asInt();
            long tickets = admin.get("/api/v1/mailboxes/" + id + "/messages?kind=FAILED&limit=1").json().size();
            System.out.printf("inbound email: %d messages polled from IMAP into tickets in %.1f s = %.0f messages/s"
                    + " (failed: %d)%n", stored, seconds, stored / seconds, tickets);
        } finally {
            imap.stop();
        }
    }

    private static byte[] message(int i, String to) {
        String sender = "customer" + (i % 10 == 9 ? i - 1 : i) + "@bench.example.cn";
        String subject = Base64.getEncoder().encodeToString(("宽带故障报修 " + i).getBytes(StandardCharsets.UTF_8));
        String head = "From: =?UTF-8?B?5byg5Lyf?= <" + sender + ">\r\nTo: " + to + "\r\nSubject: =?UTF-8?B?" + subject
                + "?=\r\nMessage-ID: <bench-" + i + "@bench.example.cn>\r\nMIME-Version: 1.0\r\n";
        String text = "您好，家里的宽带从昨天开始无法连接，工单序号 " + i + "，麻烦尽快安排师傅上门维修。\r\n";
        if (i % 2 == 0) {
            return (head + "Content-Type: text/plain; charset=GBK\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                    + Base64.getMimeEncoder().encodeToString(text.getBytes(java.nio.charset.Charset.forName("GBK")))
                    + "\r\n").getBytes(StandardCharsets.US_ASCII);
        }
        return (head + "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain; "
                + "charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + Base64.getMimeEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8))
                + "\r\n--b\r\nContent-Type: text/plain; name=\"log.txt\"\r\nContent-Disposition: attachment; "
                + "filename=\"log.txt\"\r\n\r\nping timeout\r\n--b--\r\n").getBytes(StandardCharsets.UTF_8);
    }
}
