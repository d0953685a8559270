package io.kefu.knowledge;

import io.kefu.ApiClient;
import io.kefu.KefuTest;
import io.kefu.TestAccounts;
import io.kefu.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Articles through their workflow, versions, diff and restore, sanitised bodies and refusals, over the API and pages. */
@KefuTest
class ArticleWorkflowTest {

    @LocalServerPort
    int port;

    KnowledgeClients clients;

    @BeforeEach
    void clients() {
        clients = new KnowledgeClients(port);
    }

    @Test
    void aWriterSubmitsAReviewerSendsBackWithACommentThenPublishesAndOnlyAllowedMovesHappen() {
        long id = clients.draft(KnowledgeClients.unique("宽带断网怎么办"), "<p>先重启光猫。</p>", "PUBLIC")
                .get("id").asLong();

        assertThat(clients.act(clients.agent, id, "PUBLISH", null).status())
                .as("a draft cannot be published before review").isIn(403, 409);
        assertThat(clients.act(clients.agent, id, "SUBMIT", null).json().get("state").asString())
                .isEqualTo("IN_REVIEW");
        assertThat(clients.act(clients.agent, id, "PUBLISH", null).status())
                .as("a writer without KNOWLEDGE_REVIEW cannot publish").isEqualTo(403);
        ApiClient.Response noComment = clients.act(clients.inspector, id, "SEND_BACK", null);
        assertThat(noComment.status()).isEqualTo(400);
        assertThat(noComment.json().get("detail").asString()).isNotBlank();

        JsonNode sentBack = clients.act(clients.inspector, id, "SEND_BACK", "请补充光猫型号").json();
        assertThat(sentBack.get("state").asString()).isEqualTo("DRAFT");

        clients.act(clients.agent, id, "SUBMIT", null);
        JsonNode published = clients.act(clients.supervisor, id, "PUBLISH", null).json();
        assertThat(published.get("state").asString()).isEqualTo("PUBLISHED");
        assertThat(published.get("publishedAt").isNull()).isFalse();
        ApiClient.Response again = clients.act(clients.supervisor, id, "PUBLISH", null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").asString()).isNotBlank();

        WebSession agentPage = new WebSession(port);
        agentPage.signIn(TestAccounts.AGENT, TestAccounts.PASSWORD);
        String page = agentPage.get("/knowledge/articles/" + id).body();
        assertThat(page).contains("请补充光猫型号").contains("editArticle")
                .as("archiving is a reviewer's action").doesNotContain("action-ARCHIVE");
    }

    @Test
    void editingAPublishedArticleTakesItBackToDraftAndAnArchivedOneCannotBeEdited() {
        String title = KnowledgeClients.unique("话费账单");
        long id = clients.published(title, "<p>账单每月1日出。</p>", "INTERNAL").get("id").asLong();

        JsonNode edited = clients.agent.put("/api/v1/knowledge/articles/" + id,
                "{\"title\": \"" + title + "\", \"body\": \"<p>账单每月2日出。</p>\", \"visibility\": \"INTERNAL\"}")
                .json();
        assertThat(edited.get("state").asString()).isEqualTo("DRAFT");
        assertThat(edited.get("version").asInt()).isEqualTo(2);

        clients.act(clients.agent, id, "SUBMIT", null);
        clients.act(clients.supervisor, id, "PUBLISH", null);
        assertThat(clients.act(clients.supervisor, id, "ARCHIVE", null).json().get("state").asString())
                .isEqualTo("ARCHIVED");
        assertThat(clients.agent.put("/api/v1/knowledge/articles/" + id,
                "{\"title\": \"x\", \"body\": \"<p>y</p>\"}").status()).isEqualTo(409);
        assertThat(clients.act(clients.agent, id, "REOPEN", null).json().get("state").asString()).isEqualTo("DRAFT");
    }

    @Test
    void everySaveIsAVersionTheDiffShowsTheChangedCharactersAndRestoringMakesANewVersion() {
        String title = KnowledgeClients.unique("流量查询");
        long id = clients.draft(title, "<p>发送短信 CXLL 到 10086。</p>", "PUBLIC").get("id").asLong();
        clients.agent.put("/api/v1/knowledge/articles/" + id, "{\"title\": \"" + title
                + "\", \"body\": \"<p>发送短信 CXLL 到 10010。</p>\", \"visibility\": \"PUBLIC\", \"baseVersion\": 1}");

        ApiClient.Response stale = clients.agent.put("/api/v1/knowledge/articles/" + id, "{\"title\": \"" + title
                + "\", \"body\": \"<p>旧稿</p>\", \"baseVersion\": 1}");
        assertThat(stale.status()).as("a save from an old version is refused").isEqualTo(409);

        JsonNode restored = clients.agent.post("/api/v1/knowledge/articles/" + id + "/versions/1/restore", "")
                .json();
        assertThat(restored.get("version").asInt()).isEqualTo(3);
        assertThat(restored.get("body").asString()).contains("10086");
        JsonNode versions = clients.agent.get("/api/v1/knowledge/articles/" + id + "/versions").json();
        assertThat(versions.size()).isEqualTo(3);
        assertThat(versions.get(0).get("note").asString()).isEqualTo("#1");

        WebSession reader = new WebSession(port);
        reader.signIn(TestAccounts.SALES, TestAccounts.PASSWORD);
        String diff = reader.get("/knowledge/articles/" + id + "/diff?from=1&to=2").body();
        assertThat(diff).contains("<del>86</del>").contains("<ins>10</ins>");
    }

    @Test
    void theBodyIsSanitisedAndBadInputIsRefusedWithAProblemInTheCallersLanguage() {
        JsonNode created = clients.draft(KnowledgeClients.unique("安全"),
                "<p onclick=\\\"steal()\\\">正文</p><script>alert(1)</script><a href=\\\"javascript:x()\\\">链接</a>",
                "INTERNAL");
        String body = created.get("body").asString();
        assertThat(body).contains("正文").doesNotContain("script").doesNotContain("onclick")
                .doesNotContain("javascript");

        ApiClient.Response noTitle = clients.agent.inLanguage("en").post("/api/v1/knowledge/articles",
                "{\"title\": \" \", \"body\": \"<p>x</p>\"}");
        assertThat(noTitle.status()).isEqualTo(400);
        assertThat(noTitle.json().get("detail").asString()).isEqualTo("An article needs a title.");
        assertThat(clients.agent.post("/api/v1/knowledge/articles",
                "{\"title\": \"t\", \"body\": \"<p>x</p>\", \"categoryId\": 99999999}").status()).isEqualTo(400);
        assertThat(clients.agent.get("/api/v1/knowledge/articles/99999999").status()).isEqualTo(404);
    }

    @Test
    void eachPermissionRefusesARoleWithoutIt() {
        assertThat(new ApiClient(port, null).get("/api/v1/knowledge/articles").status()).isEqualTo(401);
        assertThat(clients.inspector.post("/api/v1/knowledge/articles",
                "{\"title\": \"t\", \"body\": \"<p>x</p>\"}").status()).as("KNOWLEDGE_WRITE").isEqualTo(403);
        WebSession agent = new WebSession(port);
        agent.signIn(TestAccounts.AGENT, TestAccounts.PASSWORD);
        assertThat(agent.get("/knowledge/review").status()).as("KNOWLEDGE_REVIEW").isEqualTo(403);
    }

    @Test
    void theListFiltersByStateAndFlagsExpiredArticles() {
        String title = KnowledgeClients.unique("过期文章");
        clients.agent.post("/api/v1/knowledge/articles", """
                {"title": "%s", "body": "<p>旧资费</p>", "visibility": "INTERNAL", "expiresOn": "2020-01-01"}"""
                .formatted(title));
        JsonNode expired = clients.agent.get("/api/v1/knowledge/articles?expired=true&limit=500").json();
        boolean found = false;
        for (JsonNode a : expired) {
            assertThat(a.get("expired").asBoolean()).isTrue();
            found |= a.get("title").asString().equals(title);
        }
        assertThat(found).isTrue();

        WebSession reader = new WebSession(port);
        reader.signIn(TestAccounts.AGENT, TestAccounts.PASSWORD);
        String list = reader.get("/knowledge/articles?state=DRAFT&expired=true").body();
        assertThat(list).contains(title).contains("kb-expired");
    }
}
