package io.kefu.demo;

import io.kefu.ApiClient;
import io.kefu.KefuTest;
import io.kefu.TestAccounts;
import io.kefu.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A first start with demo data opens on customers who wrote in over the channels, with their tickets, and on a help
 * centre with articles to read.
 */
@KefuTest
class DemoRecordsTest {

    @LocalServerPort
    int port;

    @Test
    void theDemoCustomersConversationsAreTicketsOnTheirTimelines() {
        ApiClient admin = new ApiClient(port, TestAccounts.BOOTSTRAP_TOKEN);

        JsonNode found = admin.get("/api/v1/customers?q=14700000001").json().get("items");
        assertThat(found).hasSize(1);
        long customerId = found.get(0).get("id").asLong();
        JsonNode timeline = admin.get("/api/v1/customers/" + customerId + "/timeline").json();
        assertThat(timeline.findValuesAsString("kind")).contains("ticket.created", "ticket.customerMessage");
        assertThat(timeline.findValuesAsString("source")).contains("WECHAT");
        // She wrote in herself: the timeline names her, not the administrator whose first start loaded the demo.
        for (JsonNode entry : timeline) {
            if (entry.get("kind").asString().startsWith("ticket.")) {
                assertThat(entry.get("actorName").asString()).as(entry.toString()).isEqualTo("张伟");
            }
        }

        JsonNode ticket = null;
        for (JsonNode item : admin.get("/api/v1/tickets?queue=ALL&channel=WECHAT&limit=200").json().get("items")) {
            if (item.get("customerId").asLong() == customerId) {
                ticket = item;
            }
        }
        assertThat(ticket).isNotNull();
        assertThat(ticket.get("assigneeId").isNull()).isTrue();
        JsonNode articles = admin.get("/api/v1/tickets/" + ticket.get("id").asLong() + "/articles").json();
        assertThat(articles.findValuesAsString("kind")).containsExactly("CUSTOMER_MESSAGE", "CUSTOMER_MESSAGE");
        assertThat(articles.get(1).get("body").asString()).contains("网课");
    }

    @Test
    void theHelpCentreOpensOnTheDemoCompanysPublishedPublicArticles() {
        String helpCentre = new WebSession(port).get("/help").body();

        assertThat(helpCentre).contains("如何查询剩余流量", "宽带断网了怎么办").doesNotContain("（内部）");
    }
}
