package io.kefu.chat;

import java.util.Map;

import io.kefu.ApiClient;
import io.kefu.KefuApplication;
import io.kefu.KefuTest;
import io.kefu.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

import static io.kefu.chat.ChatFixtures.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application nodes on one PostgreSQL: a visitor connected to node A and an agent on node B talk in real time,
 * each node's streams fed by the other's NOTIFY.
 */
@KefuTest
class ChatTwoNodesTest {

    @LocalServerPort
    int port;

    @Test
    void aVisitorOnOneNodeAndAnAgentOnTheOtherTalkInRealTime() {
        ChatFixtures chat = new ChatFixtures(port);
        chat.settings("{}");
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(KefuApplication.class)
                .profiles("test")
                // An argument, unlike a default property, wins over application.yml's port: any free port.
                .run("--server.port=0")) {
            int portB = Integer.parseInt(second.getEnvironment().getProperty("local.server.port"));
            ApiClient agentOnB = chat.on(portB, chat.agent, TestAccounts.AGENT);

            ChatFixtures.Visitor visitorOnA = chat.visitor();
            long chatId = visitorOnA.start(null).get("id").asLong();
            visitorOnA.as("/chat/api/chats/" + chatId + "/handoff");
            assertThat(agentOnB.post("/api/v1/chat/chats/" + chatId + "/take", "{}").status()).isEqualTo(200);

            try (EventStream visitorStream = visitorOnA.events(chatId, null);
                 EventStream agentStream = new EventStream("http://localhost:" + portB + "/api/v1/chat/chats/"
                         + chatId + "/events", Map.of("Authorization", "Bearer " + agentToken(chat)))) {
                assertThat(agentStream.status()).isEqualTo(200);
                drain(visitorStream);
                drain(agentStream);

                agentOnB.post("/api/v1/chat/chats/" + chatId + "/messages", ChatFixtures.agentMessage("来自B节点"));
                assertThat(next(visitorStream, "AGENT").get("text").asString()).isEqualTo("来自B节点");

                visitorOnA.say(chatId, "来自A节点");
                assertThat(next(agentStream, "VISITOR").get("text").asString()).isEqualTo("来自A节点");
            }
        }
    }

    private static String agentToken(ChatFixtures chat) {
        return io.kefu.Lookups.tokenFor(chat.admin, io.kefu.Lookups.staffId(chat.admin, TestAccounts.AGENT));
    }

    /** Skips what the stream replays on connecting: the history before this test's exchange. */
    private static void drain(EventStream stream) {
        while (stream.poll("message", java.time.Duration.ofMillis(700)) != null) {
            // history
        }
    }

    private static JsonNode next(EventStream stream, String senderKind) {
        while (true) {
            JsonNode message = stream.next("message", WAIT).data();
            if (message.get("senderKind").asString().equals(senderKind)) {
                return message;
            }
        }
    }
}
