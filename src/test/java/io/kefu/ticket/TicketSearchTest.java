package io.kefu.ticket;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import io.kefu.ApiClient;
import io.kefu.KefuTest;
import io.kefu.Lookups;
import io.kefu.TestAccounts;
import io.kefu.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Agents find tickets by their words, from the subject to the latest reply, but only tickets they may see. */
@KefuTest
class TicketSearchTest {

    @LocalServerPort
    int port;

    ApiClient admin;
    ApiClient agent;
    ApiClient manager;

    @BeforeEach
    void setUp() {
        admin = new ApiClient(port, TestAccounts.BOOTSTRAP_TOKEN);
        agent = new ApiClient(port, Lookups.tokenFor(admin, Lookups.staffId(admin, TestAccounts.AGENT)));
        manager = new ApiClient(port, Lookups.tokenFor(admin, Lookups.staffId(admin, TestAccounts.CUSTOMER_MANAGER)));
    }

    @Test
    void aTicketIsFoundByAWordOfItsLatestReplyWithinTheSearchersScope() {
        String code = "光猫型号HG" + System.nanoTime() % 1_000_000;
        long id = Tickets.open(agent, "REPAIR");
        agent.post("/api/v1/tickets/" + id + "/replies", "{\"body\": \"请提供" + code + "背面的序列号\"}");

        await().atMost(Duration.ofSeconds(10)).until(() -> idsFound(agent, code).contains(id));
        assertThat(idsFound(admin, code)).contains(id);
        // A customer manager sees only her own tickets: this one is not hers.
        assertThat(idsFound(manager, code)).doesNotContain(id);

        WebSession page = new WebSession(port);
        page.signIn(TestAccounts.AGENT, TestAccounts.PASSWORD);
        assertThat(page.get("/tickets/search?q=" + URLEncoder.encode(code, StandardCharsets.UTF_8)).body())
                .contains("/tickets/" + id, "<mark>");
    }

    private static List<Long> idsFound(ApiClient client, String text) {
        JsonNode hits = client.get("/api/v1/tickets/search?q=" + URLEncoder.encode(text, StandardCharsets.UTF_8))
                .json();
        return hits.findValues("id").stream().map(JsonNode::asLong).toList();
    }
}
