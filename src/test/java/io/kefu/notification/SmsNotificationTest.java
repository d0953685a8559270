package io.kefu.notification;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.kefu.ApiClient;
import io.kefu.KefuTest;
import io.kefu.Lookups;
import io.kefu.TestAccounts;
import io.kefu.notification.internal.NotificationProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Text messages through the generic HTTP gateway, against a real local HTTP server (the test profile's provider). */
@KefuTest
class SmsNotificationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    Notifications notifications;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    NotificationProperties properties;

    @Test
    void theGatewayGetsTheMessageSignedWithTheSharedSecretAndTheBearerToken() throws Exception {
        ApiClient admin = new ApiClient(port, TestAccounts.BOOTSTRAP_TOKEN);
        long agent = Lookups.staffId(admin, TestAccounts.AGENT);
        String text = "您有新的工单待处理 " + UUID.randomUUID();
        try (SmsGatewayServer gateway = new SmsGatewayServer(URI.create(properties.sms().url()))) {
            long id = transaction.execute(status -> notifications.send(
                    NotificationRequest.toStaff(NotificationChannel.SMS, agent, null, text, null, null)));

            await().atMost(Duration.ofSeconds(15)).until(() -> messagesWith(gateway, text).size() == 1);
            SmsGatewayServer.Received request = messagesWith(gateway, text).get(0);
            JsonNode body = JSON.readTree(request.body());
            assertThat(body.get("to").asString()).isEqualTo("13800138002");
            assertThat(body.get("text").asString()).isEqualTo(text);
            assertThat(body.get("id").asString()).isEqualTo(Long.toString(id));
            assertThat(request.header("Authorization")).isEqualTo("Bearer kefu-test-sms-token");
            assertThat(request.header("X-Kefu-Signature")).isEqualTo("sha256=" + hmac("kefu-test-sms-secret", request.body()));
        }
    }

    @Test
    void aMessageSentWhileTheGatewayIsDownIsDeliveredOnceWhenItIsBack() {
        ApiClient admin = new ApiClient(port, TestAccounts.BOOTSTRAP_TOKEN);
        String text = "网关恢复后送达 " + UUID.randomUUID();
        long id = transaction.execute(status -> notifications.send(new NotificationRequest(
                NotificationChannel.SMS, null, "13900139000", null, text, null, null)));

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            JsonNode entry = EmailNotificationTest.outboxEntry(admin, id);
            assertThat(entry.get("attempts").asInt()).isGreaterThanOrEqualTo(1);
            assertThat(entry.get("lastError").asString()).contains("SMS gateway");
        });

        try (SmsGatewayServer gateway = new SmsGatewayServer(URI.create(properties.sms().url()))) {
            await().atMost(Duration.ofSeconds(15)).until(() -> messagesWith(gateway, text).size() == 1);
            await().atMost(Duration.ofSeconds(5)).until(() ->
                    EmailNotificationTest.outboxEntry(admin, id).get("state").asString().equals("SENT"));
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                    .until(() -> messagesWith(gateway, text).size() == 1);
        }
    }

    private static List<SmsGatewayServer.Received> messagesWith(SmsGatewayServer gateway, String text) {
        return gateway.received().stream()
                .filter(r -> new String(r.body(), StandardCharsets.UTF_8).contains(text)).toList();
    }

    private static String hmac(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }
}
