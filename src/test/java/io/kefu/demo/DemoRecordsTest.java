package io.kefu.demo;

import io.kefu.ApiClient;
import io.kefu.KefuTest;
import io.kefu.Lookups;
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
    void theDemoCustomersHaveOwnersTiersStagesAndOrganisationsAndTheirScopeApplies() {
        ApiClient admin = new ApiClient(port, TestAccounts.BOOTSTRAP_TOKEN);
        long chenjing = Lookups.staffId(admin, TestAccounts.CUSTOMER_MANAGER);

        JsonNode zhangwei = admin.get("/api/v1/customers?q=14700000001").json().get("items").get(0);
        assertThat(zhangwei.get("ownerId").asLong()).isEqualTo(chenjing);
        assertThat(zhangwei.get("tier").asString()).isEqualTo("VIP");
        assertThat(zhangwei.get("lifecycleStage").asString()).isEqualTo("STABLE");
        assertThat(zhangwei.get("tags").valueStream().map(JsonNode::asString).toList()).contains("老客户");
        JsonNode contact = admin.get("/api/v1/customers?q=14700000003").json().get("items").get(0);
        JsonNode organization = admin.get("/api/v1/customers/" + contact.get("organizationId").asLong()).json();
        assertThat(organization.get("name").asString()).isEqualTo("华远科技有限公司");
        assertThat(organization.get("type").asString()).isEqualTo("ORGANIZATION");

        // A VIP's ticket runs under the VIP service standard.
        JsonNode tickets = admin.get("/api/v1/tickets?queue=ALL&channel=WECHAT&limit=200").json().get("items");
        long ticket = tickets.valueStream().filter(t -> t.get("customerId").asLong() == zhangwei.get("id").asLong())
                .findFirst().orElseThrow().get("id").asLong();
        assertThat(admin.get("/api/v1/tickets/" + ticket).json().get("sla").get("policy").asString())
                .isEqualTo("VIP客户");

        // The customer manager's scope is her own customers: 张伟 is hers, 刘洋 nobody's.
        ApiClient manager = new ApiClient(port, Lookups.tokenFor(admin, chenjing));
        assertThat(manager.get("/api/v1/customers?q=14700000001").json().get("items")).hasSize(1);
        assertThat(manager.get("/api/v1/customers?q=14700000002").json().get("items")).isEmpty();
    }

    @Test
    void theHelpCentreOpensOnTheDemoCompanysPublishedPublicArticles() {
        String helpCentre = new WebSession(port).get("/help").body();

        assertThat(helpCentre).contains("如何查询剩余流量", "宽带断网了怎么办").doesNotContain("（内部）");
    }
}
