package io.kefu.channel;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import io.kefu.ApiClient;
import io.kefu.KefuTest;
import io.kefu.TestAccounts;
import io.kefu.customer.CustomerDirectory;
import io.kefu.customer.CustomerIdentity;
import io.kefu.customer.IdentityKind;
import io.kefu.identity.StaffPrincipal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Messages posted by channels: signature, replays, duplicates, bad payloads, and where they land. */
@KefuTest
class ChannelInboundTest {

    @LocalServerPort
    int port;
    @Autowired
    CustomerDirectory customers;
    @Autowired
    TransactionTemplate transactions;

    ApiClient admin;
    SignedRequests channel;
    TestChannels.Made wechat;

    @BeforeEach
    void setUp() {
        admin = new ApiClient(port, TestAccounts.BOOTSTRAP_TOKEN);
        channel = new SignedRequests(port);
        wechat = TestChannels.create(admin, "WECHAT_OFFICIAL_ACCOUNT", "WECHAT_OPENID", null);
    }

    @Test
    void aSignedMessageOpensATicketForTheCustomerOfItsOpenidAndTheNextOneJoinsIt() {
        String openid = TestChannels.uniqueId("oWx_");

        ApiClient.Response first = channel.post(wechat.id(), wechat.inboundSecret(),
                TestChannels.message(TestChannels.uniqueId("m-"), openid, "李娜", "宽带从昨天开始断网"));
        ApiClient.Response second = channel.post(wechat.id(), wechat.inboundSecret(),
                TestChannels.message(TestChannels.uniqueId("m-"), openid, "李娜", "今天还是不行"));

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.json().get("duplicate").asBoolean()).isFalse();
        long ticketId = first.json().get("ticketId").asLong();
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.json().get("ticketId").asLong()).isEqualTo(ticketId);
        JsonNode ticket = admin.get("/api/v1/tickets/" + ticketId).json();
        assertThat(ticket.get("channel").asString()).isEqualTo("WECHAT");
        assertThat(ticket.get("subject").asString()).isEqualTo("宽带从昨天开始断网");
        assertThat(ticket.get("customerId").asLong())
                .isEqualTo(customers.findByIdentity(IdentityKind.WECHAT_OPENID, openid).orElseThrow());
        JsonNode articles = admin.get("/api/v1/tickets/" + ticketId + "/articles").json();
        assertThat(articles.findValuesAsString("body")).containsExactly("宽带从昨天开始断网", "今天还是不行");
        assertThat(articles.findValuesAsString("channel")).containsOnly("WECHAT");
        assertThat(articles.get(1).get("id").asLong()).isEqualTo(second.json().get("articleId").asLong());
    }

    @Test
    void aSecondDeliveryOfAMessageAnswersTheFirstResultAndStoresNothing() {
        String json = TestChannels.message(TestChannels.uniqueId("m-"), TestChannels.uniqueId("oWx_"), "张伟",
                "发票什么时候开");
        ApiClient.Response first = channel.post(wechat.id(), wechat.inboundSecret(), json);

        ApiClient.Response again = channel.post(wechat.id(), wechat.inboundSecret(), json);

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("duplicate").asBoolean()).isTrue();
        assertThat(again.json().get("ticketId").asLong()).isEqualTo(first.json().get("ticketId").asLong());
        assertThat(again.json().get("articleId").asLong()).isEqualTo(first.json().get("articleId").asLong());
        assertThat(admin.get("/api/v1/tickets/" + first.json().get("ticketId").asLong() + "/articles").json())
                .hasSize(1);
    }

    @Test
    void unsignedWronglySignedStaleAndRotatedOutRequestsAreRefusedAndStoreNothing() {
        String openid = TestChannels.uniqueId("oWx_");
        String json = TestChannels.message(TestChannels.uniqueId("m-"), openid, "王芳", "你好");
        long now = Instant.now().getEpochSecond();

        List<ApiClient.Response> refused = List.of(
                channel.send(wechat.id(), json, null, null, "en"),
                channel.send(wechat.id(), json, Long.toString(now), null, "en"),
                channel.send(wechat.id(), json, Long.toString(now),
                        SignedRequests.signature("not-the-secret", now, json), "en"),
                channel.send(wechat.id(), json, Long.toString(now),
                        SignedRequests.signature(wechat.inboundSecret(), now - 1, json), "en"),
                channel.send(wechat.id(), json + " ", Long.toString(now),
                        SignedRequests.signature(wechat.inboundSecret(), now, json), "en"),
                channel.post(wechat.id(), wechat.inboundSecret(), json, now - 600, "en"),
                channel.post(wechat.id(), wechat.inboundSecret(), json, now + 600, "en"));

        assertThat(refused).extracting(ApiClient.Response::status).containsOnly(401);
        assertThat(refused).extracting(ApiClient.Response::contentType).containsOnly("application/problem+json");
        assertThat(refused.get(5).json().get("detail").asString()).contains("replay");
        assertThat(customers.findByIdentity(IdentityKind.WECHAT_OPENID, openid)).isEmpty();

        String oldSecret = wechat.inboundSecret();
        String newSecret = admin.post("/api/v1/channels/" + wechat.id() + "/inbound-secret", "").json()
                .get("inboundSecret").asString();
        assertThat(channel.post(wechat.id(), oldSecret, json).status()).isEqualTo(401);
        assertThat(customers.findByIdentity(IdentityKind.WECHAT_OPENID, openid)).isEmpty();

        ApiClient.Response accepted = channel.post(wechat.id(), newSecret, json);
        assertThat(accepted.status()).as("the refused deliveries did not record the message id").isEqualTo(201);
    }

    @Test
    void anUnknownOrDisabledChannelIsNotFound() {
        String json = TestChannels.message("m-1", "oWx_1", "王芳", "你好");
        assertThat(channel.post(987654321, wechat.inboundSecret(), json).status()).isEqualTo(404);

        admin.put("/api/v1/channels/" + wechat.id(), """
                {"name": "停用的公众号 %d", "kind": "WECHAT_OFFICIAL_ACCOUNT", "identityKind": "WECHAT_OPENID",
                 "enabled": false}""".formatted(wechat.id()));
        assertThat(channel.post(wechat.id(), wechat.inboundSecret(), json).status()).isEqualTo(404);
    }

    @Test
    void badPayloadsAreRefusedWithFieldErrorsInTheCallersLanguageAndStoreNothing() {
        String openid = TestChannels.uniqueId("oWx_");
        String messageId = TestChannels.uniqueId("m-");

        ApiClient.Response malformed = channel.post(wechat.id(), wechat.inboundSecret(), "{\"messageId\": ",
                Instant.now().getEpochSecond(), "en");
        ApiClient.Response missing = channel.post(wechat.id(), wechat.inboundSecret(),
                "{\"sender\": {\"name\": \"王芳\"}, \"text\": \"\"}", Instant.now().getEpochSecond(), "en");
        ApiClient.Response badFile = channel.post(wechat.id(), wechat.inboundSecret(), """
                {"messageId": "%s", "sentAt": "yesterday", "sender": {"id": "%s"},
                 "attachments": [{"fileName": "发票.pdf", "contentBase64": "not base64!"}]}"""
                .formatted(messageId, openid), Instant.now().getEpochSecond(), "zh-CN");
        String huge = "{\"messageId\": \"%s\", \"sender\": {\"id\": \"%s\"}, \"text\": \"%s\"}"
                .formatted(messageId, openid, "a".repeat(10 * 1024 * 1024));
        ApiClient.Response tooLarge = channel.post(wechat.id(), wechat.inboundSecret(), huge,
                Instant.now().getEpochSecond(), "en");

        assertThat(List.of(malformed, missing, badFile, tooLarge)).extracting(ApiClient.Response::status)
                .containsOnly(400);
        assertThat(malformed.json().get("detail").asString()).isEqualTo("The body is not a JSON object.");
        assertThat(missing.json().get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("messageId", "sender.id", "text");
        assertThat(badFile.json().get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("sentAt", "attachments[0].contentBase64");
        assertThat(badFile.json().get("errors").findValuesAsString("message")).contains("文件内容须为 base64 编码。");
        assertThat(tooLarge.json().get("detail").asString()).contains("10 MB");
        assertThat(customers.findByIdentity(IdentityKind.WECHAT_OPENID, openid)).isEmpty();
        assertThat(channel.post(wechat.id(), wechat.inboundSecret(),
                TestChannels.message(messageId, openid, "王芳", "你好")).status()).isEqualTo(201);
    }

    @Test
    void aSenderWhosePhoneIsKnownIsThatCustomerAndFilesAreKeptOnHerTicket() {
        String phone = "139" + String.format("%08d", (System.nanoTime() / 11) % 100_000_000L);
        long known = transactions.execute(status -> customers.resolveOrCreate("赵敏",
                List.of(new CustomerIdentity(IdentityKind.PHONE, phone)), StaffPrincipal.system("test")).id());
        TestChannels.Made app = TestChannels.create(admin, "APP", "APP_USER_ID", null);
        String userId = TestChannels.uniqueId("u");
        String photo = Base64.getEncoder().encodeToString("照片".getBytes(StandardCharsets.UTF_8));

        ApiClient.Response first = channel.post(app.id(), app.inboundSecret(), """
                {"messageId": "%s", "sender": {"id": "%s", "name": "赵敏", "phone": "%s"}, "text": "屏幕碎了",
                 "attachments": [{"fileName": "屏幕.jpg", "contentType": "image/jpeg", "contentBase64": "%s"}]}"""
                .formatted(TestChannels.uniqueId("a-"), userId, phone, photo));
        ApiClient.Response later = channel.post(app.id(), app.inboundSecret(), """
                {"messageId": "%s", "sender": {"id": "%s"}, "text": "能修吗"}"""
                .formatted(TestChannels.uniqueId("a-"), userId));

        long ticketId = first.json().get("ticketId").asLong();
        assertThat(admin.get("/api/v1/tickets/" + ticketId).json().get("customerId").asLong()).isEqualTo(known);
        assertThat(later.json().get("ticketId").asLong()).as("the app user id alone finds her again")
                .isEqualTo(ticketId);
        assertThat(admin.get("/api/v1/tickets/" + ticketId + "/attachments").json()
                .findValuesAsString("fileName")).containsExactly("屏幕.jpg");
    }

    @Test
    void messagesOfOneConversationShareATicketAndAnotherConversationOpensItsOwn() {
        TestChannels.Made wecom = TestChannels.create(admin, "WECOM", "WECHAT_UNIONID", null);
        String unionid = TestChannels.uniqueId("un_");
        String template = """
                {"messageId": "%s", "sender": {"id": "%s"}, "conversationId": "%s", "text": "%s"}""";

        long first = channel.post(wecom.id(), wecom.inboundSecret(), template.formatted(TestChannels.uniqueId("w-"),
                unionid, "c-1", "订单没收到")).json().get("ticketId").asLong();
        long other = channel.post(wecom.id(), wecom.inboundSecret(), template.formatted(TestChannels.uniqueId("w-"),
                unionid, "c-2", "想开发票")).json().get("ticketId").asLong();
        long again = channel.post(wecom.id(), wecom.inboundSecret(), template.formatted(TestChannels.uniqueId("w-"),
                unionid, "c-1", "单号是 123")).json().get("ticketId").asLong();

        assertThat(other).isNotEqualTo(first);
        assertThat(again).isEqualTo(first);
    }
}
