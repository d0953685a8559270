package io.kefu.knowledge;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.kefu.KefuTest;
import io.kefu.TestAccounts;
import io.kefu.WebSession;
import io.kefu.customer.CustomerDirectory;
import io.kefu.customer.IdentityKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The public help centre as a customer uses it without signing in, and staff reviewing her suggestions. */
@KefuTest
class HelpCentreTest {

    @LocalServerPort
    int port;

    @Autowired
    CustomerDirectory customers;

    KnowledgeClients clients;

    @BeforeEach
    void clients() {
        clients = new KnowledgeClients(port);
    }

    @Test
    void onlyPublishedPublicArticlesAreShownAndEachReadingCountsAView() {
        String shown = KnowledgeClients.unique("如何查询剩余流量");
        String internal = KnowledgeClients.unique("内部排障手册");
        String draft = KnowledgeClients.unique("公开草稿");
        long shownId = clients.published(shown, "<p>发送 CXLL 到 10086。</p>", "PUBLIC").get("id").asLong();
        long internalId = clients.published(internal, "<p>内部</p>", "INTERNAL").get("id").asLong();
        long draftId = clients.draft(draft, "<p>草稿</p>", "PUBLIC").get("id").asLong();

        WebSession visitor = new WebSession(port);
        String home = visitor.get("/help").body();
        assertThat(home).contains(shown).doesNotContain(internal).doesNotContain(draft);
        assertThat(visitor.get("/help/articles/" + internalId).status()).isEqualTo(404);
        assertThat(visitor.get("/help/articles/" + draftId).status()).isEqualTo(404);

        assertThat(visitor.get("/help/articles/" + shownId).body()).contains("10086");
        new WebSession(port).get("/help/articles/" + shownId);
        assertThat(clients.agent.get("/api/v1/knowledge/articles/" + shownId).json().get("views").asLong())
                .isEqualTo(2);
    }

    @Test
    void aBrowserSessionVotesOncePerArticle() {
        long id = clients.published(KnowledgeClients.unique("宽带报修"), "<p>拨打热线。</p>", "PUBLIC")
                .get("id").asLong();
        WebSession visitor = new WebSession(port);
        visitor.get("/help/articles/" + id);
        visitor.post("/help/articles/" + id + "/vote", Map.of("helpful", "true", "comment", "很清楚"));
        String again = visitor.post("/help/articles/" + id + "/vote", Map.of("helpful", "false")).location();
        assertThat(visitor.get(again).body()).doesNotContain("voteYes");
        new WebSession(port).post("/help/articles/" + id + "/vote", Map.of("helpful", "false"));

        JsonNode article = clients.agent.get("/api/v1/knowledge/articles/" + id).json();
        assertThat(article.get("helpfulVotes").asInt()).isEqualTo(1);
        assertThat(article.get("unhelpfulVotes").asInt()).isEqualTo(1);
        WebSession editor = new WebSession(port);
        editor.signIn(TestAccounts.AGENT, TestAccounts.PASSWORD);
        assertThat(editor.get("/knowledge/articles/" + id).body()).contains("很清楚");
    }

    @Test
    void anAcceptedSuggestionAwardsTheCustomerLoyaltyPointsOnHerRecordAndTimeline() {
        long id = clients.published(KnowledgeClients.unique("话费查询"), "<p>登录营业厅。</p>", "PUBLIC")
                .get("id").asLong();
        String email = KnowledgeClients.unique("zhang") + "@example.com";
        WebSession visitor = new WebSession(port).from("10.61.0.1");
        visitor.get("/help/articles/" + id);
        visitor.post("/help/articles/" + id + "/suggestions",
                Map.of("name", "张伟", "email", email, "text", "建议补充App里的查询步骤"));

        WebSession supervisor = new WebSession(port);
        supervisor.signIn(TestAccounts.SUPERVISOR, TestAccounts.PASSWORD);
        String pending = supervisor.get("/knowledge/suggestions").body();
        Matcher card = Pattern.compile("id=\"suggestion-(\\d+)\"[^<]*<div[^>]*>\\s*<h2[^>]*><a[^>]*>[^<]*</a></h2>\\s*"
                + "<p[^>]*>建议补充App里的查询步骤").matcher(pending);
        assertThat(card.find()).isTrue();
        String accepted = supervisor.post("/knowledge/suggestions/" + card.group(1) + "/accept", Map.of()).location();
        assertThat(supervisor.get(accepted).body()).contains("张伟");

        long customerId = customers.findByIdentity(IdentityKind.EMAIL, email).orElseThrow();
        assertThat(customers.loyaltyPoints(customerId)).isEqualTo(10);
        JsonNode timeline = clients.admin.get("/api/v1/customers/" + customerId + "/timeline").json();
        assertThat(timeline.toString()).contains("customer.loyaltyPoints").contains("+10");
        WebSession admin = new WebSession(port);
        admin.signIn(TestAccounts.ADMIN, TestAccounts.PASSWORD);
        assertThat(admin.get("/customers/" + customerId).body()).contains("id=\"loyaltyPoints\"");
        assertThat(supervisor.post("/knowledge/suggestions/" + card.group(1) + "/accept", Map.of()).status())
                .as("decided once").isEqualTo(302);
        assertThat(customers.loyaltyPoints(customerId)).isEqualTo(10);
    }

    @Test
    void suggestionsAreLimitedPerClientAddress() {
        long id = clients.published(KnowledgeClients.unique("限流"), "<p>正文</p>", "PUBLIC").get("id").asLong();
        WebSession visitor = new WebSession(port).from("10.61.0.2");
        visitor.get("/help/articles/" + id);
        for (int i = 0; i < 5; i++) {
            String to = visitor.post("/help/articles/" + id + "/suggestions",
                    Map.of("name", "李四", "email", "li" + i + "@example.com", "text", "建议" + i)).location();
            assertThat(visitor.get(to).body()).contains("suggestionThanks");
        }
        String refused = visitor.post("/help/articles/" + id + "/suggestions",
                Map.of("name", "李四", "email", "li9@example.com", "text", "再来一条")).location();
        assertThat(visitor.get(refused).body()).doesNotContain("suggestionThanks").contains("alert-danger");
    }
}
