package io.kefu.channel;

import java.time.Duration;
import java.time.Instant;

import io.kefu.ApiClient;
import io.kefu.KefuTest;
import io.kefu.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Agents' replies going back out through the channel's webhook connector. */
@KefuTest
class ChannelRepliesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    ApiClient admin;
    SignedRequests channel;

    @BeforeEach
    void setUp() {
        admin = new ApiClient(port, TestAccounts.BOOTSTRAP_TOKEN);
        channel = new SignedRequests(port);
    }

    @Test
    void aPublicReplyIsPostedToTheConnectorSignedWithItsSecret() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.up()) {
            TestChannels.Made wechat = TestChannels.create(admin, "WECHAT_OFFICIAL_ACCOUNT", "WECHAT_OPENID",
                    receiver.url());
            String openid = TestChannels.uniqueId("oWx_");
            long ticketId = channel.post(wechat.id(), wechat.inboundSecret(),
                    TestChannels.message(TestChannels.uniqueId("m-"), openid, "李娜", "快递丢了")).json()
                    .get("ticketId").asLong();

            admin.post("/api/v1/tickets/" + ticketId + "/replies", "{\"body\": \"内部备注\", \"internal\": true}");
            admin.post("/api/v1/tickets/" + ticketId + "/replies", "{\"body\": \"您好，已为您补发。\"}");

            await().atMost(Duration.ofSeconds(10)).until(() -> !receiver.received().isEmpty());
            Thread.sleep(500);
            assertThat(receiver.received()).as("the internal note stays inside").hasSize(1);
            WebhookReceiver.Received reply = receiver.received().get(0);
            long timestamp = Long.parseLong(reply.timestamp());
            assertThat(Math.abs(Instant.now().getEpochSecond() - timestamp)).isLessThan(30);
            assertThat(reply.signature()).isEqualTo(SignedRequests.signature(wechat.connectorSecret(), timestamp,
                    reply.body()));
            JsonNode body = JSON.readTree(reply.body());
            assertThat(body.get("ticketId").asLong()).isEqualTo(ticketId);
            assertThat(body.get("recipient").get("id").asString()).isEqualTo(openid);
            assertThat(body.get("text").asString()).isEqualTo("您好，已为您补发。");
            assertThat(body.get("agentName").asString()).isNotBlank();
            assertThat(body.get("messageId").asString()).startsWith("kefu-reply-");
            assertThat(body.get("sentAt").asString()).isNotBlank();
            await().atMost(Duration.ofSeconds(5)).until(() -> admin.get("/api/v1/channels/" + wechat.id()
                    + "/deliveries").json().get(0).get("state").asString().equals("DELIVERED"));
        }
    }

    @Test
    void aReplyToAReceiverThatIsDownIsRetriedAndDeliveredOnceItIsUp() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.down()) {
            TestChannels.Made app = TestChannels.create(admin, "APP", "APP_USER_ID", receiver.url());
            long ticketId = channel.post(app.id(), app.inboundSecret(),
                    TestChannels.message(TestChannels.uniqueId("a-"), TestChannels.uniqueId("u"), "周杰",
                            "退款进度")).json().get("ticketId").asLong();

            admin.post("/api/v1/tickets/" + ticketId + "/replies", "{\"body\": \"退款已到账，请查收。\"}");

            String deliveries = "/api/v1/channels/" + app.id() + "/deliveries";
            await().atMost(Duration.ofSeconds(15)).until(() -> {
                JsonNode queued = admin.get(deliveries).json();
                return !queued.isEmpty() && queued.get(0).get("attempts").asInt() >= 2;
            });
            JsonNode waiting = admin.get(deliveries).json().get(0);
            assertThat(waiting.get("state").asString()).isEqualTo("PENDING");
            assertThat(waiting.get("lastError").asString()).contains("unreachable");

            receiver.start();

            await().atMost(Duration.ofSeconds(15)).until(() -> !receiver.received().isEmpty());
            assertThat(JSON.readTree(receiver.received().get(0).body()).get("text").asString())
                    .isEqualTo("退款已到账，请查收。");
            await().atMost(Duration.ofSeconds(5)).until(() ->
                    admin.get(deliveries).json().get(0).get("state").asString().equals("DELIVERED"));
        }
    }
}
