package io.kefu.chat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.kefu.ApiClient;
import io.kefu.KefuTest;
import io.kefu.chat.internal.IdentityTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static io.kefu.chat.ChatFixtures.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

/** Live chat through its public HTTP surface: the widget's API, the agents' API and the event streams. */
@KefuTest
class LiveChatTest {

    @LocalServerPort
    int port;

    ChatFixtures chat;

    @BeforeEach
    void setUp() {
        chat = new ChatFixtures(port);
        chat.settings("{}");
    }

    /** Other tests (the browser test) expect an open office and the default menu. */
    @AfterEach
    void restore() {
        chat.settings("{}");
    }

    @Test
    void theBotAnswersWhenSureOffersChoicesWhenNotAndHandsOffAfterTwoMisses() {
        String unique = "光猫指示灯" + UUID.randomUUID().toString().substring(0, 6);
        long articleId = new KnowledgeArticle(chat).publish(unique + "闪烁怎么办",
                "光猫的" + unique + "红灯闪烁时，请先重启光猫，再检查光纤是否弯折。");
        chat.settings("{\"botConfidence\": 0.0}");
        ChatFixtures.Visitor visitor = chat.visitor();
        long chatId = visitor.start(null).get("id").asLong();
        try (EventStream events = visitor.events(chatId, null)) {
            ApiClient.Response asked = visitor.say(chatId, unique + "闪烁怎么办");
            assertThat(asked.status()).isEqualTo(201);
            JsonNode answer = botReply(events, asked.json().get("seq").asInt());
            assertThat(answer.get("articles").get(0).get("id").asLong()).isEqualTo(articleId);
            assertThat(answer.get("articles").get(0).get("url").asString()).isEqualTo("/help/articles/" + articleId);

            chat.settings("{\"botConfidence\": 1.0}");
            ApiClient.Response unrelated = visitor.say(chatId, "完全无关的问题" + UUID.randomUUID());
            JsonNode unsure = botReply(events, unrelated.json().get("seq").asInt());
            assertThat(unsure.get("text").asString()).isNotBlank();
            assertThat(chat.agent.get("/api/v1/chat/chats/" + chatId).json().get("chat").get("state").asString())
                    .isEqualTo("BOT");

            visitor.say(chatId, "还是不明白" + UUID.randomUUID());
            JsonNode queued = waitForState(events, "QUEUED");
            assertThat(queued.get("queuePosition").asInt()).isPositive();
            assertThat(queued.get("estimatedWaitSeconds").asInt()).isPositive();
        }
    }

    @Test
    void aVisitorAskingForAPersonIsTakenByAnAgentTheyTalkAndSheRatesTheEnd() {
        ChatFixtures.Visitor visitor = chat.visitor();
        assertThat(visitor.visit().get("menu").size()).isEqualTo(6);
        assertThat(visitor.visit().get("texts").get("send").asString()).isNotBlank();
        long chatId = visitor.start("consult").get("id").asLong();
        try (EventStream events = visitor.events(chatId, null)) {
            assertThat(visitor.as("/chat/api/chats/" + chatId + "/handoff").json().get("state").asString())
                    .isEqualTo("QUEUED");
            assertThat(chat.agent.put("/api/v1/chat/presence", "{\"status\": \"ONLINE\"}").json()
                    .get("status").asString()).isEqualTo("ONLINE");
            assertThat(chat.agent.get("/api/v1/chat/queue").json().findValuesAsString("id"))
                    .contains(String.valueOf(chatId));

            assertThat(chat.agent.post("/api/v1/chat/chats/" + chatId + "/take", "{}").status()).isEqualTo(200);
            assertThat(chat.supervisor.post("/api/v1/chat/chats/" + chatId + "/take", "{}").status())
                    .as("a chat is taken once").isEqualTo(409);
            assertThat(waitForState(events, "ACTIVE").get("agentName").asString()).isNotBlank();

            ApiClient.Response sent = chat.agent.post("/api/v1/chat/chats/" + chatId + "/messages",
                    ChatFixtures.agentMessage("您好，请问有什么可以帮您？"));
            assertThat(sent.status()).isEqualTo(201);
            assertThat(nextFrom(events, "AGENT").get("text").asString()).isEqualTo("您好，请问有什么可以帮您？");

            String clientId = UUID.randomUUID().toString();
            String body = "{\"clientId\": \"" + clientId + "\", \"text\": \"我的宽带断了\"}";
            ApiClient.Response first = visitor.post("/chat/api/chats/" + chatId + "/messages", body);
            ApiClient.Response repeat = visitor.post("/chat/api/chats/" + chatId + "/messages", body);
            assertThat(first.status()).isEqualTo(201);
            assertThat(repeat.status()).as("a repeated clientId stores nothing new").isEqualTo(200);
            assertThat(repeat.json().get("id").asLong()).isEqualTo(first.json().get("id").asLong());
            long visitorMessages = chat.agent.get("/api/v1/chat/chats/" + chatId).json().get("messages")
                    .valueStream().filter(m -> m.get("text").asString().equals("我的宽带断了")).count();
            assertThat(visitorMessages).isEqualTo(1);

            byte[] png = png();
            ApiClient.Response image = visitor.upload(chatId, "screenshot.png", png);
            assertThat(image.status()).isEqualTo(201);
            assertThat(image.json().get("file").get("contentType").asString()).isEqualTo("image/png");
            assertThat(chat.agent.download("/api/v1/chat/files/" + image.json().get("id").asLong())).isEqualTo(png);
            assertThat(visitor.upload(chatId, "setup.png", "MZ\u0090\u0000 not an image".getBytes(StandardCharsets.UTF_8))
                    .status()).as("type read from the content").isEqualTo(415);
            ApiClient.Response agentFile = chat.agent.upload("/api/v1/chat/chats/" + chatId + "/files", "steps.txt",
                    "1. 重启光猫".getBytes(StandardCharsets.UTF_8), java.util.Map.of("clientId", UUID.randomUUID().toString()));
            assertThat(agentFile.status()).isEqualTo(201);
            assertThat(nextFrom(events, "AGENT").get("file").get("name").asString()).isEqualTo("steps.txt");

            assertThat(visitor.post("/chat/api/chats/" + chatId + "/contact",
                    "{\"name\": \"赵敏\", \"phone\": \"13912345" + (100 + chatId % 900) + "\"}").status()).isEqualTo(200);
            assertThat(chat.agent.post("/api/v1/chat/chats/" + chatId + "/end", "{}").json().get("state").asString())
                    .isEqualTo("ENDED");
            waitForState(events, "ENDED");
            JsonNode rated = visitor.post("/chat/api/chats/" + chatId + "/rating",
                    "{\"score\": 5, \"comment\": \"很满意\"}").json();
            assertThat(rated.get("rating").asInt()).isEqualTo(5);
            assertThat(visitor.post("/chat/api/chats/" + chatId + "/rating", "{\"score\": 1}").status())
                    .as("rated once").isEqualTo(409);

            long ticketId = chat.agent.post("/api/v1/chat/chats/" + chatId + "/ticket", "{}").json()
                    .get("ticketId").asLong();
            JsonNode ticket = chat.agent.get("/api/v1/tickets/" + ticketId).json();
            assertThat(ticket.get("channel").asString()).isEqualTo("CHAT");
        }
    }

    @Test
    void theAgentSeesTheTrailAnswersWithAnArticleAndTheChatGoesOnTheCustomersTimeline() {
        long articleId = new KnowledgeArticle(chat).publish("宽带续费" + UUID.randomUUID().toString().substring(0, 6),
                "在营业厅或网上营业厅均可续费。");
        ChatFixtures.Visitor visitor = chat.visitor();
        visitor.post("/chat/api/page-views", "{\"url\": \"https://shop.example.com/renew\", \"title\": \"Renew\"}");
        long chatId = visitor.start(null).get("id").asLong();
        String phone = "1381234" + String.format("%04d", chatId % 10000);
        long customerId = visitor.post("/chat/api/chats/" + chatId + "/contact",
                "{\"name\": \"周芷若\", \"phone\": \"" + phone + "\"}").json().get("customerId").asLong();
        visitor.handTo(chatId, chat.agent);

        JsonNode detail = chat.agent.get("/api/v1/chat/chats/" + chatId).json();
        assertThat(detail.get("visitor").get("customerId").asLong()).isEqualTo(customerId);
        assertThat(detail.get("visitor").get("pageViews").findValuesAsString("url"))
                .contains("https://shop.example.com/renew", "https://shop.example.com/plans");

        int usesBefore = chat.agent.get("/api/v1/knowledge/articles/" + articleId).json().get("replyUses").asInt();
        JsonNode withArticle = chat.agent.post("/api/v1/chat/chats/" + chatId + "/messages", "{\"clientId\": \""
                + UUID.randomUUID() + "\", \"text\": \"请看这篇\", \"articleId\": " + articleId + "}").json();
        assertThat(withArticle.get("articles").get(0).get("id").asLong()).isEqualTo(articleId);
        assertThat(chat.agent.get("/api/v1/knowledge/articles/" + articleId).json().get("replyUses").asInt())
                .isEqualTo(usesBefore + 1);

        visitor.as("/chat/api/chats/" + chatId + "/end");
        visitor.post("/chat/api/chats/" + chatId + "/rating", "{\"score\": 4}");
        JsonNode timeline = chat.agent.get("/api/v1/customers/" + customerId + "/timeline").json();
        assertThat(timeline.findValuesAsString("kind")).contains("chat.ended", "chat.rated");
        assertThat(timeline.findValuesAsString("source")).contains("CHAT");
    }

    @Test
    void aTransferNoteIsForStaffOnlyAndATransferToAGroupQueuesTheChatAgain() {
        ChatFixtures.Visitor visitor = chat.visitor();
        long chatId = visitor.chatWith(chat.agent);
        long supervisorId = io.kefu.Lookups.staffId(chat.admin, io.kefu.TestAccounts.SUPERVISOR);
        JsonNode toColleague = chat.agent.post("/api/v1/chat/chats/" + chatId + "/transfer",
                "{\"toStaffId\": " + supervisorId + ", \"note\": \"客户要求退费，内部备注\"}").json();
        assertThat(toColleague.get("state").asString()).isEqualTo("ACTIVE");
        assertThat(chat.supervisor.get("/api/v1/chat/chats/" + chatId).json().get("messages")
                .findValuesAsString("text")).anyMatch(text -> text.contains("内部备注"));
        try (EventStream events = visitor.events(chatId, null)) {
            List<String> seen = new ArrayList<>();
            for (EventStream.Event event; (event = events.poll("message", java.time.Duration.ofSeconds(2))) != null; ) {
                seen.add(event.data().get("text").asString());
            }
            assertThat(seen).isNotEmpty().noneMatch(text -> text.contains("内部备注"));
        }
        long group = chat.admin.post("/api/v1/skill-groups", "{\"name\": \"转接测试" + UUID.randomUUID()
                .toString().substring(0, 6) + "\"}").json().get("id").asLong();
        JsonNode toGroup = chat.supervisor.post("/api/v1/chat/chats/" + chatId + "/transfer",
                "{\"toSkillGroupId\": " + group + ", \"note\": \"\"}").json();
        assertThat(toGroup.get("state").asString()).isEqualTo("QUEUED");
        assertThat(toGroup.get("skillGroupId").asLong()).isEqualTo(group);
        assertThat(chat.agent.post("/api/v1/chat/chats/" + chatId + "/messages", ChatFixtures.agentMessage("还在吗"))
                .status()).as("out of her groups now: not hers to see").isEqualTo(404);
    }

    @Test
    void aChatIsNotTransferredToAColleagueAtHerLimitAndStaysWithItsAgent() {
        ChatFixtures.Visitor visitor = chat.visitor();
        long chatId = visitor.chatWith(chat.agent);
        chat.visitor().chatWith(chat.supervisor);
        int supervisorsChats = chat.supervisor.get("/api/v1/chat/presence").json().get("activeChats").asInt();
        chat.settings("{\"maxChatsPerAgent\": " + supervisorsChats + "}");

        long supervisorId = io.kefu.Lookups.staffId(chat.admin, io.kefu.TestAccounts.SUPERVISOR);
        ApiClient.Response refused = chat.agent.post("/api/v1/chat/chats/" + chatId + "/transfer",
                "{\"toStaffId\": " + supervisorId + ", \"note\": \"请接手\"}", Map.of("Accept-Language", "zh-CN"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString()).contains("已达每人上限");
        assertThat(chat.agent.get("/api/v1/chat/chats/" + chatId).json().get("chat").get("state").asString())
                .isEqualTo("ACTIVE");
        assertThat(chat.agent.post("/api/v1/chat/chats/" + chatId + "/messages", ChatFixtures.agentMessage("我继续为您处理"))
                .status()).as("still hers to answer").isEqualTo(201);
    }

    @Test
    void theStaffStreamCarriesTheQueueAndReplaysWhatItMissed() throws InterruptedException {
        String url = "http://localhost:" + port + "/api/v1/chat/events?scope=all";
        java.util.Map<String, String> auth = java.util.Map.of("Authorization", "Bearer " + chat.supervisorToken);
        ChatFixtures.Visitor visitor = chat.visitor();
        long chatId = visitor.start(null).get("id").asLong();
        String cursor;
        try (EventStream staff = new EventStream(url, auth)) {
            assertThat(staff.status()).isEqualTo(200);
            visitor.as("/chat/api/chats/" + chatId + "/handoff");
            JsonNode queued;
            do {
                queued = staff.next("chat", WAIT).data();
            } while (queued.get("id").asLong() != chatId || !queued.get("state").asString().equals("QUEUED"));
            // Queue events carry the current count when any chat of the group changes, so the one that counts
            // this chat may come before its own chat event (another chat of the queue changed meanwhile).
            long deadline = System.currentTimeMillis() + WAIT.toMillis();
            while (staff.history().stream().noneMatch(e -> e.name().equals("queue") && e.data().get("waiting").asInt() > 0)
                    && System.currentTimeMillis() < deadline) {
                Thread.sleep(100);
            }
            assertThat(staff.history()).anyMatch(e -> e.name().equals("queue") && e.data().get("waiting").asInt() > 0);
            chat.agent.post("/api/v1/chat/chats/" + chatId + "/take", "{}");
            chat.agent.post("/api/v1/chat/chats/" + chatId + "/messages", ChatFixtures.agentMessage("马上处理"));
            EventStream.Event sent;
            do {
                sent = staff.next("message", WAIT);
            } while (!sent.data().get("text").asString().equals("马上处理"));
            cursor = sent.id();
        }
        visitor.say(chatId, "第一条");
        visitor.say(chatId, "第二条");
        try (EventStream staff = new EventStream(url, java.util.Map.of("Authorization",
                "Bearer " + chat.supervisorToken, "Last-Event-ID", cursor))) {
            List<String> missed = new ArrayList<>();
            for (EventStream.Event event; (event = staff.poll("message", java.time.Duration.ofSeconds(2))) != null; ) {
                if (event.data().get("chatId").asLong() == chatId) {
                    missed.add(event.data().get("text").asString());
                }
            }
            assertThat(missed).containsExactly("第一条", "第二条");
        }
    }

    @Test
    void aVisitorWhoLeavesIsTakenOutOfTheQueueWhileOneWhoStaysKeepsHerPlace() throws InterruptedException {
        ChatFixtures.Visitor leaving = chat.visitor();
        ChatFixtures.Visitor staying = chat.visitor();
        long left = leaving.start(null).get("id").asLong();
        long waiting = staying.start(null).get("id").asLong();
        leaving.as("/chat/api/chats/" + left + "/handoff");
        staying.as("/chat/api/chats/" + waiting + "/handoff");
        try (EventStream stream = staying.events(waiting, null)) {
            String state = "QUEUED";
            long deadline = System.currentTimeMillis() + 60_000;
            while (!state.equals("ENDED") && System.currentTimeMillis() < deadline) {
                Thread.sleep(1000);
                state = chat.supervisor.get("/api/v1/chat/chats/" + left).json().get("chat").get("state").asString();
            }
            assertThat(state).as("abandoned after kefu.chat.abandon-after (20 s in tests)").isEqualTo("ENDED");
            assertThat(chat.supervisor.get("/api/v1/chat/chats/" + waiting).json().get("chat").get("state")
                    .asString()).isEqualTo("QUEUED");
        }
    }

    @Test
    void aReconnectingVisitorGetsWhatSheMissedInOrderOnce() {
        ChatFixtures.Visitor visitor = chat.visitor();
        long chatId = visitor.start(null).get("id").asLong();
        for (int i = 0; i < 4; i++) {
            visitor.say(chatId, "消息" + i);
        }
        try (EventStream events = visitor.events(chatId, "3")) {
            assertThat(events.status()).isEqualTo(200);
            List<Integer> seqs = new ArrayList<>();
            for (EventStream.Event event; (event = events.poll("message", java.time.Duration.ofSeconds(2))) != null; ) {
                seqs.add(Integer.parseInt(event.id()));
                assertThat(event.data().get("seq").asInt()).isEqualTo(Integer.parseInt(event.id()));
            }
            assertThat(seqs).isNotEmpty().startsWith(4).isSorted().doesNotHaveDuplicates();
            int last = seqs.get(seqs.size() - 1);
            assertThat(seqs).hasSize(last - 3);
        }
    }

    @Test
    void outsideOfficeHoursTheVisitorLeavesAMessageThatBecomesATicket() {
        chat.settings("{\"calendarId\": " + chat.neverOpenCalendar() + "}");
        ChatFixtures.Visitor visitor = chat.visitor();
        assertThat(visitor.visit().get("officeOpen").asBoolean()).isFalse();
        JsonNode started = visitor.start(null);
        assertThat(started.get("overflow").asString()).isEqualTo("CALLBACK");
        ApiClient.Response left = visitor.post("/chat/api/leave-message",
                "{\"name\": \"钱多多\", \"email\": \"qian" + UUID.randomUUID().toString().substring(0, 6)
                        + "@example.com\", \"text\": \"请明天给我回电话\"}");
        assertThat(left.status()).isEqualTo(201);
        JsonNode ticket = chat.agent.get("/api/v1/tickets/" + left.json().get("ticketId").asLong()).json();
        assertThat(ticket.get("channel").asString()).isEqualTo("CHAT");
    }

    @Test
    void aFullQueueOverflowsToAnotherGroupOrOffersACallback() {
        long group = chat.admin.post("/api/v1/skill-groups", "{\"name\": \"溢出测试" + UUID.randomUUID()
                .toString().substring(0, 6) + "\"}").json().get("id").asLong();
        long spare = chat.admin.post("/api/v1/skill-groups", "{\"name\": \"备用组" + UUID.randomUUID()
                .toString().substring(0, 6) + "\"}").json().get("id").asLong();
        String menu = "[{\"key\": \"vip\", \"label\": \"chat.menu.consult\", \"skillGroupId\": " + group + "}]";
        chat.settings("{\"menu\": " + menu + ", \"overflowLimit\": 1}");
        assertThat(chat.visitor().start("vip").get("state").asString()).isEqualTo("QUEUED");
        JsonNode callback = chat.visitor().start("vip");
        assertThat(callback.get("state").asString()).isEqualTo("BOT");
        assertThat(callback.get("overflow").asString()).isEqualTo("CALLBACK");

        chat.settings("{\"menu\": " + menu + ", \"overflowLimit\": 1, \"overflowGroupId\": " + spare + "}");
        JsonNode routed = chat.visitor().start("vip");
        assertThat(routed.get("state").asString()).isEqualTo("QUEUED");
        assertThat(routed.get("overflow").asString()).isEqualTo("ROUTED");
        assertThat(routed.get("skillGroupId").asLong()).isEqualTo(spare);
    }

    @Test
    void aSignedIdentityTiesTheVisitorToTheCustomerAndBadOrExpiredOnesAreRefused() {
        String secret = "chat-test-secret-" + UUID.randomUUID();
        chat.settings("{\"identitySecret\": \"" + secret + "\"}");
        String ref = "M" + UUID.randomUUID().toString().substring(0, 8);
        long future = Instant.now().plusSeconds(600).getEpochSecond();
        String good = token("{\"customerRef\": \"" + ref + "\", \"name\": \"孙悟空\", \"exp\": " + future + "}", secret);
        ApiClient anonymous = new ApiClient(port, null);
        JsonNode first = anonymous.post("/chat/api/visits", "{\"identityToken\": \"" + good + "\"}").json();
        JsonNode second = anonymous.post("/chat/api/visits", "{\"identityToken\": \"" + good + "\"}").json();
        assertThat(first.get("customerId").asLong()).isPositive();
        assertThat(second.get("customerId").asLong()).as("the same customer, never a duplicate")
                .isEqualTo(first.get("customerId").asLong());
        assertThat(first.get("name").asString()).isEqualTo("孙悟空");

        String forged = token("{\"customerRef\": \"" + ref + "\", \"exp\": " + future + "}", "another-secret-123456");
        ApiClient.Response bad = anonymous.post("/chat/api/visits", "{\"identityToken\": \"" + forged + "\"}");
        assertThat(bad.status()).isEqualTo(401);
        assertThat(bad.contentType()).contains("application/problem+json");
        String expired = token("{\"customerRef\": \"" + ref + "\", \"exp\": "
                + Instant.now().minusSeconds(60).getEpochSecond() + "}", secret);
        ApiClient.Response old = anonymous.inLanguage("en").post("/chat/api/visits",
                "{\"identityToken\": \"" + expired + "\"}");
        assertThat(old.status()).isEqualTo(401);
        assertThat(old.json().get("detail").asString()).contains("expired");
    }

    @Test
    void contactDetailsMakeTheVisitorACustomerOnceForTheSamePhone() {
        String phone = "1371234" + String.format("%04d", (int) (Math.random() * 10000));
        ChatFixtures.Visitor one = chat.visitor();
        ChatFixtures.Visitor two = chat.visitor();
        long chatOne = one.start(null).get("id").asLong();
        long chatTwo = two.start(null).get("id").asLong();
        long customerOne = one.post("/chat/api/chats/" + chatOne + "/contact",
                "{\"name\": \"李雷\", \"phone\": \"" + phone + "\"}").json().get("customerId").asLong();
        long customerTwo = two.post("/chat/api/chats/" + chatTwo + "/contact",
                "{\"name\": \"李雷\", \"phone\": \"" + phone + "\"}").json().get("customerId").asLong();
        assertThat(customerOne).isPositive().isEqualTo(customerTwo);
        assertThat(one.post("/chat/api/chats/" + chatOne + "/contact", "{\"name\": \"李雷\"}").status())
                .isEqualTo(400);
        assertThat(new ApiClient(port, null).post("/chat/api/chats/" + chatOne + "/messages", "{}").status())
                .as("no visitor token").isEqualTo(401);
        assertThat(two.say(chatOne, "不是我的会话").status()).as("another visitor's chat").isEqualTo(404);
    }

    private static byte[] png() {
        var image = new java.awt.image.BufferedImage(4, 4, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var out = new java.io.ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(image, "png", out);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    private static String token(String json, String secret) {
        String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
        return payload + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(IdentityTokens.sign(payload, secret));
    }

    /** The bot's reply to the visitor's message of that seq. */
    private static JsonNode botReply(EventStream events, int afterSeq) {
        while (true) {
            JsonNode message = nextFrom(events, "BOT");
            if (message.get("seq").asInt() > afterSeq) {
                return message;
            }
        }
    }

    private static JsonNode nextFrom(EventStream events, String senderKind) {
        while (true) {
            JsonNode message = events.next("message", WAIT).data();
            if (message.get("senderKind").asString().equals(senderKind)) {
                return message;
            }
        }
    }

    private static JsonNode waitForState(EventStream events, String state) {
        while (true) {
            JsonNode chat = events.next("chat", WAIT).data();
            if (chat.get("state").asString().equals(state)) {
                return chat;
            }
        }
    }
}
