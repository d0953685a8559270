package io.kefu.notification;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.kefu.ApiClient;
import io.kefu.KefuTest;
import io.kefu.TestAccounts;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Email through a real SMTP server: sent after commit only, in UTF-8, and not lost while the server is down. */
@KefuTest
class EmailNotificationTest {

    @LocalServerPort
    int port;

    @Autowired
    Notifications notifications;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JavaMailSender mailSender;

    @Test
    void aNotificationSentInACommittedTransactionArrivesWithItsChineseTextIntact() throws Exception {
        String address = unique("commit");
        try (Mailbox mailbox = Mailbox.startFor(mailSender)) {
            transaction.executeWithoutResult(status -> notifications.send(new NotificationRequest(
                    NotificationChannel.EMAIL, null, address, "工单 #42 即将超时", "您好：\n客户张伟的宽带故障工单将在 30 分钟后超时，请尽快处理。",
                    null, null)));

            await().atMost(Duration.ofSeconds(15)).until(() -> mailbox.to(address).size() == 1);
            MimeMessage message = mailbox.to(address).get(0);
            assertThat(message.getSubject()).isEqualTo("工单 #42 即将超时");
            assertThat(message.getContent().toString()).contains("客户张伟的宽带故障工单将在 30 分钟后超时");
            assertThat(message.getContentType()).containsIgnoringCase("UTF-8");
        }
    }

    @Test
    void aNotificationSentInARolledBackTransactionNeverArrives() {
        String address = unique("rollback");
        try (Mailbox mailbox = Mailbox.startFor(mailSender)) {
            String committed = unique("committed");
            transaction.executeWithoutResult(status -> {
                notifications.send(new NotificationRequest(NotificationChannel.EMAIL, null, address, "回滚", "不应发出",
                        null, null));
                status.setRollbackOnly();
            });
            // A notification committed afterwards arrives; by then the rolled-back one would have gone out too.
            transaction.executeWithoutResult(status -> notifications.send(new NotificationRequest(
                    NotificationChannel.EMAIL, null, committed, "提交", "应当发出", null, null)));
            await().atMost(Duration.ofSeconds(15)).until(() -> mailbox.to(committed).size() == 1);
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                    .until(() -> mailbox.to(address).isEmpty());
        }
    }

    @Test
    void withTheSmtpServerDownNotificationsWaitAndAllArriveExactlyOnceWhenItComesBack() {
        ApiClient admin = new ApiClient(port, TestAccounts.BOOTSTRAP_TOKEN);
        List<String> addresses = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String address = unique("down" + i);
            addresses.add(address);
            ids.add(transaction.execute(status -> notifications.send(new NotificationRequest(
                    NotificationChannel.EMAIL, null, address, "服务器恢复后送达", "第 " + address + " 封", null, null))));
        }

        // Nobody listens on the SMTP port: each is attempted, fails, and waits for its next attempt, visibly.
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            for (long id : ids) {
                JsonNode entry = outboxEntry(admin, id);
                assertThat(entry.get("state").asString()).isIn("PENDING", "SENDING");
                assertThat(entry.get("attempts").asInt()).isGreaterThanOrEqualTo(2);
                assertThat(entry.get("lastError").asString()).isNotBlank();
            }
        });

        try (Mailbox mailbox = Mailbox.startFor(mailSender)) {
            await().atMost(Duration.ofSeconds(20)).until(() -> addresses.stream().allMatch(a -> !mailbox.to(a).isEmpty()));
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                for (long id : ids) {
                    JsonNode entry = outboxEntry(admin, id);
                    assertThat(entry.get("state").asString()).isEqualTo("SENT");
                    assertThat(entry.get("sentAt").isNull()).isFalse();
                }
            });
            // More polls pass: nothing is sent twice.
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() ->
                    addresses.stream().allMatch(a -> mailbox.to(a).size() == 1));
        }
    }

    static JsonNode outboxEntry(ApiClient admin, long id) {
        ApiClient.Response response = admin.get("/api/v1/notifications?beforeId=" + (id + 1) + "&limit=1");
        assertThat(response.status()).isEqualTo(200);
        JsonNode entry = response.json().get(0);
        assertThat(entry.get("id").asLong()).isEqualTo(id);
        return entry;
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }
}
