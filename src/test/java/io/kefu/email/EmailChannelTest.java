package io.kefu.email;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.kefu.ApiClient;
import io.kefu.KefuTest;
import io.kefu.Lookups;
import io.kefu.TestAccounts;
import io.kefu.WebSession;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The email channel end to end over real SMTP (GreenMail): agents' replies go out with the threading headers and
 * their signature and the customer's answer threads back; a mail server that is down delays replies, never loses
 * them; the MTA pipe stores a message once; a broken one is kept for download and retry; passwords are write-only.
 */
@KefuTest
class EmailChannelTest {

    @LocalServerPort
    int port;
    @Autowired
    JavaMailSender mailSender;

    ApiClient admin;
    String mailboxAddress;
    String customer;

    @BeforeEach
    void setUp() {
        admin = new ApiClient(port, TestAccounts.BOOTSTRAP_TOKEN);
        String unique = UUID.randomUUID().toString().substring(0, 8);
        mailboxAddress = "help-" + unique + "@kefu-mail.test";
        customer = "xm-" + unique + "@example.cn";
    }

    @Test
    void aReplyGoesOutThreadedWithTheSignatureAndTheCustomersAnswerThreadsBack() throws Exception {
        long mailbox = pipeMailbox(null);
        try (GreenMailServer smtp = GreenMailServer.smtp(((JavaMailSenderImpl) mailSender).getPort())) {
            String first = "<first-" + UUID.randomUUID() + "@example.cn>";
            long ticket = inbound(mailbox, mail(first, "打印机卡纸", "打印机一直卡纸，怎么处理？", "")).get("ticketId").asLong();

            reply(ticket, "请先关机，再从后盖取出卡纸。");
            MimeMessage sent = await().atMost(Duration.ofSeconds(15)).until(() -> to(smtp, customer), m -> m.size() == 1)
                    .get(0);
            InternetAddress from = (InternetAddress) sent.getFrom()[0];
            assertThat(from.getAddress()).isEqualTo(mailboxAddress);
            assertThat(from.getPersonal()).isEqualTo("客服中心");
            assertThat(sent.getSubject()).isEqualTo("Re: 打印机卡纸 [#" + ticket + "]");
            assertThat(sent.getHeader("In-Reply-To", null)).isEqualTo(first);
            assertThat(sent.getHeader("References", null)).contains(first);
            assertThat(sent.getHeader("X-Kefu-Loop", null)).isEqualTo(mailboxAddress);
            assertThat(sent.getHeader("Auto-Submitted", null)).isEqualTo("no");
            assertThat(sent.getMessageID()).isNotEqualTo(first).endsWith("@kefu-mail.test>");
            assertThat(sent.getContent().toString()).contains("请先关机，再从后盖取出卡纸。", "\n-- \n", " · 客服中心");

            // Her own signature replaces the mailbox's template.
            WebSession session = new WebSession(port);
            session.signIn(TestAccounts.ADMIN, TestAccounts.PASSWORD);
            session.get("/email/signature");
            session.post("/email/signature", Map.of("signature", "王经理\n售后服务部"));
            assertThat(session.get("/email/signature").body()).contains("售后服务部");
            reply(ticket, "师傅明天上午上门。");
            MimeMessage second = await().atMost(Duration.ofSeconds(15))
                    .until(() -> to(smtp, customer), m -> m.size() == 2).get(1);
            assertThat(second.getContent().toString()).contains("师傅明天上午上门。", "王经理\n售后服务部")
                    .doesNotContain("客服中心");
            assertThat(second.getHeader("In-Reply-To", null)).isEqualTo(sent.getMessageID());
            assertThat(second.getHeader("References", null)).contains(first, sent.getMessageID());
            session.post("/email/signature", Map.of("signature", ""));

            // Her answer refers to our reply only: it joins the ticket.
            JsonNode answer = inbound(mailbox, mail("<answer-" + UUID.randomUUID() + "@example.cn>", "Re: 打印机卡纸",
                    "好的，谢谢！", "In-Reply-To: " + second.getMessageID() + "\r\n"));
            assertThat(answer.get("ticketId").asLong()).isEqualTo(ticket);
            JsonNode replies = admin.get("/api/v1/mailboxes/" + mailbox + "/replies").json();
            assertThat(replies.findValuesAsString("state")).containsOnly("SENT");
            assertThat(replies.findValues("attempts")).allMatch(n -> n.asInt() == 1);
        }
    }

    @Test
    void anImapMailboxIsPolledOnItsOwnWithoutAnyoneAsking() {
        try (GreenMailServer imap = GreenMailServer.imap(mailboxAddress)) {
            ApiClient.Response created = admin.post("/api/v1/mailboxes", imap.mailboxJson("自动收信", 10));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            long mailbox = created.json().get("id").asLong();
            imap.deliver(mail("<polled-" + UUID.randomUUID() + "@example.cn>", "发票开错了", "请重开发票。", ""));

            JsonNode log = await().atMost(Duration.ofSeconds(30)).until(
                    () -> admin.get("/api/v1/mailboxes/" + mailbox + "/messages?limit=1").json(), l -> !l.isEmpty());
            assertThat(log.get(0).get("kind").asString()).isEqualTo("TICKET");
        }
    }

    @Test
    void aMailboxWhoseServerIsDownIsPolledLessOftenUntilItAnswersAgain() throws Exception {
        int imapPort;
        try (ServerSocket free = new ServerSocket(0)) {
            imapPort = free.getLocalPort();
        }
        // Disabled, so that only the polls asked for here run: the scheduler's would race them.
        ApiClient.Response created = admin.post("/api/v1/mailboxes", """
                {"name": "退避 %s", "address": "%s", "imapHost": "localhost", "imapPort": %d, "imapTls": false,
                 "imapUsername": "%s", "imapPassword": "%s", "pollSeconds": 60, "enabled": false}"""
                .formatted(mailboxAddress, mailboxAddress, imapPort, mailboxAddress, GreenMailServer.PASSWORD));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long mailbox = created.json().get("id").asLong();

        for (int failures = 1; failures <= 3; failures++) {
            assertThat(admin.post("/api/v1/mailboxes/" + mailbox + "/poll", "{}").status()).isEqualTo(502);
            JsonNode state = admin.get("/api/v1/mailboxes/" + mailbox).json();
            assertThat(state.get("failedPolls").asInt()).isEqualTo(failures);
            assertThat(waitBeforeNextPoll(state)).isEqualTo(Duration.ofSeconds(60L << (failures - 1)));
        }
        WebSession session = new WebSession(port);
        session.signIn(TestAccounts.ADMIN, TestAccounts.PASSWORD);
        assertThat(session.get("/admin/mailboxes/" + mailbox).body()).contains("mailbox-failing");

        try (GreenMailServer imap = GreenMailServer.imap(mailboxAddress, imapPort)) {
            assertThat(admin.post("/api/v1/mailboxes/" + mailbox + "/poll", "{}").status()).isEqualTo(200);
            JsonNode state = admin.get("/api/v1/mailboxes/" + mailbox).json();
            assertThat(state.get("failedPolls").asInt()).isZero();
            assertThat(state.get("lastPollError").isNull()).isTrue();
            assertThat(waitBeforeNextPoll(state)).isEqualTo(Duration.ofSeconds(60));
        }
    }

    private static Duration waitBeforeNextPoll(JsonNode mailbox) {
        return Duration.between(Instant.parse(mailbox.get("lastPolledAt").asString()),
                Instant.parse(mailbox.get("nextPollAt").asString()));
    }

    @Test
    void withTheSmtpServerDownAReplyWaitsVisiblyAndIsDeliveredOnceItComesBack() throws Exception {
        int smtpPort;
        try (ServerSocket free = new ServerSocket(0)) {
            smtpPort = free.getLocalPort();
        }
        long mailbox = pipeMailbox(smtpPort);
        long ticket = inbound(mailbox, mail("<down-" + UUID.randomUUID() + "@example.cn>", "发票寄错地址",
                "发票寄到了旧地址。", "")).get("ticketId").asLong();
        reply(ticket, "我们会重新寄出发票。");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode reply = admin.get("/api/v1/mailboxes/" + mailbox + "/replies").json().get(0);
            assertThat(reply.get("state").asString()).isEqualTo("PENDING");
            assertThat(reply.get("attempts").asInt()).isGreaterThanOrEqualTo(2);
            assertThat(reply.get("lastError").asString()).isNotBlank();
        });
        WebSession session = new WebSession(port);
        session.signIn(TestAccounts.ADMIN, TestAccounts.PASSWORD);
        assertThat(session.get("/admin/mailboxes/" + mailbox).body()).contains("reply-", "text-bg-warning");

        try (GreenMailServer smtp = GreenMailServer.smtp(smtpPort)) {
            await().atMost(Duration.ofSeconds(20)).until(() -> to(smtp, customer).size() == 1);
            await().atMost(Duration.ofSeconds(10)).until(() -> admin.get("/api/v1/mailboxes/" + mailbox + "/replies")
                    .json().get(0).get("state").asString().equals("SENT"));
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                    .until(() -> to(smtp, customer).size() == 1);
        }
    }

    @Test
    void theMtaPipeStoresAMessageOnceAndKeepsABrokenOneForDownloadAndRetry() throws Exception {
        long mailbox = pipeMailbox(null);
        byte[] raw = mail("<pipe-" + UUID.randomUUID() + "@example.cn>", "空调不制冷", "空调开了一小时还是不冷。", "");
        HttpResponse<String> first = post(mailbox, raw, TestAccounts.BOOTSTRAP_TOKEN);
        HttpResponse<String> again = post(mailbox, raw, TestAccounts.BOOTSTRAP_TOKEN);
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(200);
        JsonNode stored = json(first.body());
        JsonNode duplicate = json(again.body());
        assertThat(duplicate.get("duplicate").asBoolean()).isTrue();
        assertThat(duplicate.get("messageId").asLong()).isEqualTo(stored.get("messageId").asLong());
        long ticket = stored.get("ticketId").asLong();
        assertThat(admin.get("/api/v1/tickets/" + ticket + "/articles").json().size()).isEqualTo(1);

        byte[] broken = EmailCorpusTest.read("31-broken.eml");
        JsonNode failed = json(post(mailbox, broken, TestAccounts.BOOTSTRAP_TOKEN).body());
        assertThat(failed.get("kind").asString()).isEqualTo("FAILED");
        long failedId = failed.get("messageId").asLong();
        assertThat(admin.download("/api/v1/mailboxes/" + mailbox + "/messages/" + failedId + "/raw")).isEqualTo(broken);
        JsonNode retried = admin.post("/api/v1/mailboxes/" + mailbox + "/messages/" + failedId + "/retry", "{}").json();
        assertThat(retried.get("kind").asString()).isEqualTo("FAILED");
        JsonNode logged = admin.get("/api/v1/mailboxes/" + mailbox + "/messages?kind=FAILED").json().get(0);
        assertThat(logged.get("error").asString()).contains("boundary");

        ApiClient.Response notFailed = admin.post("/api/v1/mailboxes/" + mailbox + "/messages/"
                + stored.get("messageId").asLong() + "/retry", "{}");
        assertThat(notFailed.status()).isEqualTo(409);
        assertThat(notFailed.json().get("detail").asString()).isEqualTo("只有处理失败的邮件可以重试。");
    }

    @Test
    void passwordsAreWriteOnlyAndOnlyMailboxManagersReachTheMailboxes() throws Exception {
        ApiClient.Response created = admin.post("/api/v1/mailboxes", """
                {"name": "售后", "address": "%s", "imapHost": "imap.example.cn", "imapUsername": "shouhou",
                 "imapPassword": "Secret-Imap-9", "smtpHost": "smtp.example.cn", "smtpPassword": "Secret-Smtp-9"}"""
                .formatted(mailboxAddress));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(created.body()).doesNotContain("Secret-Imap-9", "Secret-Smtp-9");
        assertThat(created.json().get("imapPasswordSet").asBoolean()).isTrue();

        ApiClient.Response updated = admin.put("/api/v1/mailboxes/" + id, """
                {"name": "售后服务", "address": "%s", "imapHost": "imap.example.cn", "imapUsername": "shouhou",
                 "enabled": false}""".formatted(mailboxAddress));
        assertThat(updated.json().get("imapPasswordSet").asBoolean()).isTrue();
        assertThat(updated.json().get("enabled").asBoolean()).isFalse();
        WebSession session = new WebSession(port);
        session.signIn(TestAccounts.ADMIN, TestAccounts.PASSWORD);
        assertThat(session.get("/admin/mailboxes/" + id + "/edit").body()).contains("售后服务")
                .doesNotContain("Secret-Imap-9", "Secret-Smtp-9");
        assertThat(admin.post("/api/v1/mailboxes", """
                {"name": "重复", "address": "%s"}""".formatted(mailboxAddress.toUpperCase())).status()).isEqualTo(409);

        String agent = Lookups.tokenFor(admin, Lookups.staffId(admin, TestAccounts.SUPERVISOR));
        assertThat(new ApiClient(port, agent).get("/api/v1/mailboxes").status()).isEqualTo(403);
        assertThat(post(id, mail("<x-" + UUID.randomUUID() + "@example.cn>", "试探", "不应保存", ""), agent)
                .statusCode()).isEqualTo(403);
        assertThat(admin.get("/api/v1/mailboxes/" + id + "/messages").json().size()).isZero();
    }

    /** A mailbox fed by the MTA pipe only, sending through the application's SMTP server or its own port. */
    private long pipeMailbox(Integer smtpPort) {
        String smtp = smtpPort == null ? "" : ", \"smtpHost\": \"localhost\", \"smtpPort\": " + smtpPort;
        ApiClient.Response created = admin.post("/api/v1/mailboxes", """
                {"name": "售后 %s", "address": "%s", "displayName": "客服中心",
                 "signatureTemplate": "{agent} · {mailbox}"%s}""".formatted(mailboxAddress, mailboxAddress, smtp));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    private byte[] mail(String messageId, String subject, String text, String headers) {
        return ("From: =?UTF-8?B?546L5bCP5piO?= <" + customer + ">\r\nTo: " + mailboxAddress + "\r\nSubject: =?UTF-8?B?"
                + java.util.Base64.getEncoder().encodeToString(subject.getBytes(StandardCharsets.UTF_8)) + "?=\r\n"
                + "Message-ID: " + messageId + "\r\n" + headers + "MIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" + text + "\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private JsonNode inbound(long mailbox, byte[] raw) throws Exception {
        HttpResponse<String> response = post(mailbox, raw, TestAccounts.BOOTSTRAP_TOKEN);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode received = json(response.body());
        assertThat(received.get("kind").asString()).isEqualTo("TICKET");
        return received;
    }

    private void reply(long ticket, String body) {
        ApiClient.Response replied = admin.post("/api/v1/tickets/" + ticket + "/replies",
                "{\"body\": \"" + body + "\"}");
        assertThat(replied.status()).as(replied.body()).isEqualTo(201);
    }

    private HttpResponse<String> post(long mailbox, byte[] raw, String token) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/mailboxes/"
                        + mailbox + "/inbound"))
                .header("Content-Type", "message/rfc822").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofByteArray(raw)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static JsonNode json(String body) {
        return tools.jackson.databind.json.JsonMapper.builder().build().readTree(body);
    }

    private static List<MimeMessage> to(GreenMailServer smtp, String address) {
        return Arrays.stream(smtp.server.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                        .anyMatch(a -> a.toString().equalsIgnoreCase(address));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
