package io.kefu.knowledge;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.kefu.ApiClient;
import io.kefu.KefuTest;
import io.kefu.TestAccounts;
import io.kefu.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Finding articles: customers in the help centre, staff in the knowledge base, and suggestions beside a ticket. */
@KefuTest
class KnowledgeSearchTest {

    @LocalServerPort
    int port;

    KnowledgeClients clients;

    @BeforeEach
    void setUp() {
        clients = new KnowledgeClients(port);
    }

    @Test
    void aCustomerFindsAPublicArticleByAParaphraseAndNeverAnInternalOne() {
        String page = new WebSession(port).get("/help?q=" + encode("我的流量还剩多少")).body();

        assertThat(resultsOf(page)).contains("如何查询剩余流量");
        assertThat(resultsOf(new WebSession(port).get("/help?q=" + encode("装维师傅没有按约定时间上门")).body()))
                .doesNotContain("（内部）");
    }

    @Test
    void anArticleIsFindableOnlyWhilePublished() {
        String title = KnowledgeClients.unique("光猫光信号异常处理");
        long id = clients.published(title, "<p>光猫 LOS 灯红色闪烁表示光纤断了，需要报修。</p>", "INTERNAL")
                .get("id").asLong();
        WebSession staff = new WebSession(port);
        staff.signIn(TestAccounts.AGENT, TestAccounts.PASSWORD);

        assertThat(resultsOf(staff.get("/knowledge/articles?q=" + encode(title)).body())).contains(title);
        assertThat(resultsOf(new WebSession(port).get("/help?q=" + encode(title)).body())).doesNotContain(title);

        clients.act(clients.supervisor, id, "ARCHIVE", null);
        assertThat(resultsOf(staff.get("/knowledge/articles?q=" + encode(title)).body())).doesNotContain(title);
    }

    @Test
    void aTicketShowsArticlesThatAnswerItAndInsertingOneCountsAUse() {
        ApiClient agent = clients.agent;
        long ticketId = agent.post("/api/v1/tickets", """
                {"customer": {"name": "流量客户", "phones": ["13%s"]}, "type": "CONSULTATION",
                 "subject": "流量查询", "description": "这个月的流量还剩多少，怎么查？"}"""
                .formatted(String.format("%09d", System.nanoTime() % 1_000_000_000L))).json().get("id").asLong();
        WebSession session = new WebSession(port);
        session.signIn(TestAccounts.AGENT, TestAccounts.PASSWORD);
        assertThat(session.get("/tickets/" + ticketId).body()).contains("/knowledge/tickets/" + ticketId + "/suggested");

        String suggested = session.htmxGet("/knowledge/tickets/" + ticketId + "/suggested").body();

        assertThat(suggested).contains("如何查询剩余流量", "data-append-into=\"replyBody\"");
        long articleId = Long.parseLong(suggested.replaceAll("(?s).*?/knowledge/articles/(\\d+)/uses.*", "$1"));
        int usesBefore = agent.get("/api/v1/knowledge/articles/" + articleId).json().get("replyUses").asInt();
        assertThat(session.htmxPost("/knowledge/articles/" + articleId + "/uses", Map.of()).status()).isEqualTo(204);
        JsonNode article = agent.get("/api/v1/knowledge/articles/" + articleId).json();
        assertThat(article.get("replyUses").asInt()).isEqualTo(usesBefore + 1);
    }

    /** The results of a help-centre or knowledge-base search, without the search box that echoes the query. */
    private static String resultsOf(String page) {
        int help = page.indexOf("id=\"helpMain\"");
        int staff = page.indexOf("id=\"knowledgeHits\"");
        return help >= 0 ? page.substring(help) : staff >= 0 ? page.substring(staff) : "";
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
