package io.kefu.customer;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import io.kefu.ApiClient;
import io.kefu.KefuTest;
import io.kefu.Lookups;
import io.kefu.TestAccounts;
import io.kefu.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The customer screens over real HTTP, as a browser without scripts and as htmx use them. */
@KefuTest
class CustomerPagesTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port, TestAccounts.BOOTSTRAP_TOKEN);
    }

    @Test
    void theListAndItsSearchAsYouTypeShowANewCustomerWithHerPhoneMasked() {
        String name = "页面列表" + System.nanoTime();
        String phone = CustomerApiTest.uniquePhone();
        long id = create("{\"name\": \"" + name + "\", \"phones\": [\"" + phone + "\"], \"lifecycleStage\": \"STABLE\","
                + " \"tags\": [\"VIP\"], \"tier\": \"金卡\"}");
        WebSession session = signedIn(TestAccounts.ADMIN);

        WebSession.Page list = session.get("/customers");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("href=\"/customers/" + id + "\"", name, masked(phone))
                .doesNotContain(phone);

        WebSession.Page results = session.htmxGet("/customers?q=" + encode(name));
        assertThat(results.status()).isEqualTo(200);
        assertThat(results.body()).startsWith("<div id=\"customerResults\"").doesNotContain("<html")
                .contains(name, "稳定期", "金卡", "VIP", masked(phone));
        assertThat(session.htmxGet("/customers?q=" + encode("查无此人" + System.nanoTime())).body())
                .doesNotContain(name).contains("没有找到匹配的客户");
    }

    @Test
    void aDuplicatePhoneNamesTheCustomerWhoHasItAndOffersTheMergeWhenEditing() {
        String phone = CustomerApiTest.uniquePhone();
        long existing = create("{\"name\": \"重复甲\", \"phones\": [\"" + phone + "\"]}");
        WebSession session = signedIn(TestAccounts.ADMIN);

        WebSession.Page created = session.post("/customers", Map.of("name", "重复乙", "phones", "+86 " + phone));
        assertThat(created.status()).isEqualTo(200);
        assertThat(created.body()).contains("id=\"duplicateAlert\"", "重复甲", "href=\"/customers/" + existing + "\"")
                .doesNotContain("id=\"mergeIntoDuplicate\"");

        long edited = create("{\"name\": \"重复丙\"}");
        WebSession.Page edit = session.post("/customers/" + edited, Map.of("name", "重复丙", "phones", phone));
        assertThat(edit.body()).contains("id=\"duplicateAlert\"", "id=\"mergeIntoDuplicate\"",
                "action=\"/customers/" + existing + "/merge\"", "value=\"" + edited + "\"");

        // The customer with the phone survives; the one being edited is merged into her.
        WebSession.Page merged = session.post("/customers/" + existing + "/merge",
                Map.of("sourceId", String.valueOf(edited)));
        assertThat(merged.location()).endsWith("/customers/" + existing);
        assertThat(session.get("/customers/" + edited).body())
                .contains("id=\"mergedBanner\"", "href=\"/customers/" + existing + "\"");
        assertThat(session.get("/customers/" + existing).body()).contains("并入重复客户", "#" + edited + " 重复丙");
    }

    @Test
    void revealShowsThePhoneInFullOnlyToARoleThatMayAndIsAudited() {
        String phone = CustomerApiTest.uniquePhone();
        long manager = Lookups.staffId(api, TestAccounts.CUSTOMER_MANAGER);
        long id = create("{\"name\": \"打码页面\", \"ownerId\": " + manager + ", \"phones\": [\"" + phone + "\"]}");
        String audit = "/api/v1/audit?action=customer.revealed&targetId=" + id;

        WebSession agent = signedIn(TestAccounts.AGENT);
        WebSession.Page seenByAgent = agent.get("/customers/" + id);
        assertThat(seenByAgent.status()).isEqualTo(200);
        assertThat(seenByAgent.body()).contains(masked(phone)).doesNotContain(phone, "revealCustomer", "/reveal");
        assertThat(agent.post("/customers/" + id + "/reveal", Map.of()).status()).isEqualTo(403);
        assertThat(api.get(audit).json()).isEmpty();

        WebSession revealer = signedIn(TestAccounts.CUSTOMER_MANAGER);
        WebSession.Page masked = revealer.get("/customers/" + id);
        assertThat(masked.body()).contains("id=\"revealCustomer\"", masked(phone)).doesNotContain(phone);
        WebSession.Page revealed = revealer.post("/customers/" + id + "/reveal", Map.of());
        assertThat(revealed.status()).isEqualTo(200);
        assertThat(revealed.body()).contains(phone, "id=\"revealedNotice\"").doesNotContain("id=\"revealCustomer\"");
        assertThat(api.get(audit).json()).hasSize(1);
        assertThat(api.get(audit).json().get(0).get("actorName").asString()).isEqualTo(TestAccounts.CUSTOMER_MANAGER);
    }

    @Test
    void notesJoinTheTimelineNewestFirst() {
        long id = create("{\"name\": \"备注页面\"}");
        WebSession session = signedIn(TestAccounts.AGENT);

        WebSession.Page fragment = session.htmxPost("/customers/" + id + "/notes", Map.of("text", "客户来电询问账单"));
        assertThat(fragment.status()).isEqualTo(200);
        assertThat(fragment.body()).startsWith("<div class=\"card\" id=\"timeline\"").doesNotContain("<html")
                .contains("客户来电询问账单", "建立档案");

        WebSession.Page posted = session.post("/customers/" + id + "/notes", Map.of("text", "已回电说明"));
        assertThat(posted.location()).endsWith("/customers/" + id);
        String page = session.get("/customers/" + id).body();
        assertThat(page.indexOf("已回电说明")).isPositive().isLessThan(page.indexOf("客户来电询问账单"));

        assertThat(session.htmxPost("/customers/" + id + "/notes", Map.of("text", " ")).body()).contains("is-invalid");
    }

    @Test
    void aNewCustomerIsSavedFromTheFormAndOpensOnHerPage() {
        String name = "表单新建" + System.nanoTime();
        WebSession session = signedIn(TestAccounts.SALES);

        WebSession.Page form = session.get("/customers/new");
        assertThat(form.status()).isEqualTo(200);
        WebSession.Page saved = session.post("/customers", Map.of("name", name, "type", "PERSON",
                "lifecycleStage", "FORMATION", "tags", "宽带，VIP", "phones", CustomerApiTest.uniquePhone()
                        + "\n" + CustomerApiTest.uniquePhone(), "birthday", "1990-05-01"));
        assertThat(saved.location()).matches(".*/customers/\\d+$");

        String page = session.get(saved.location()).body();
        assertThat(page).contains(name, "形成期", "宽带", "VIP", "1990-05-01");
        // A sales representative sees her own customers: she owns what she creates.
        String salesName = api.get("/api/v1/staff/" + Lookups.staffId(api, TestAccounts.SALES)).json()
                .get("displayName").asString();
        assertThat(page).contains(salesName);

        WebSession.Page bad = session.post("/customers", Map.of("name", " ", "birthday", "1990-13-45",
                "phones", "12"));
        assertThat(bad.status()).isEqualTo(200);
        assertThat(bad.body()).contains("is-invalid");
    }

    @Test
    void aSupervisorTransfersOneOwnersCustomersOfOneTier() {
        // Both agents work in the supervisor's department (客服部), so their customers are hers to hand over.
        long from = Lookups.staffId(api, TestAccounts.AGENT);
        long to = Lookups.staffId(api, "zhaolei");
        String tier = "移交" + System.nanoTime();
        long id = create("{\"name\": \"移交页面\", \"ownerId\": " + from + ", \"tier\": \"" + tier + "\"}");
        WebSession session = signedIn(TestAccounts.SUPERVISOR);

        WebSession.Page same = session.post("/customers/transfer",
                Map.of("fromOwnerId", String.valueOf(from), "toOwnerId", String.valueOf(from)));
        assertThat(same.status()).isEqualTo(200);
        assertThat(same.body()).contains("is-invalid");

        WebSession.Page done = session.post("/customers/transfer", Map.of("fromOwnerId", String.valueOf(from),
                "toOwnerId", String.valueOf(to), "lifecycleStage", "", "tier", tier));
        assertThat(done.location()).endsWith("/customers/transfer");
        assertThat(session.get("/customers/transfer").body()).contains("id=\"transferResult\"", "已将 1 位客户移交给");
        assertThat(api.get("/api/v1/customers/" + id).json().get("ownerId").asLong()).isEqualTo(to);
    }

    @Test
    void anAdministratorDefinesACustomFieldThatTheFormThenOffers() {
        String key = "plan" + System.nanoTime();
        WebSession session = signedIn(TestAccounts.ADMIN);

        assertThat(session.post("/customers/fields", Map.of("key", "9bad", "label", "坏键", "type", "TEXT")).body())
                .contains("is-invalid");
        WebSession.Page defined = session.post("/customers/fields", Map.of("key", key, "label", "宽带套餐页面",
                "type", "CHOICE", "options", "100M, 500M，1000M"));
        assertThat(defined.location()).endsWith("/customers/fields");
        assertThat(session.get("/customers/fields").body()).contains(key, "宽带套餐页面", "1000M");

        String form = session.get("/customers/new").body();
        assertThat(form).contains("宽带套餐页面", "name=\"attributes[" + key + "]\"", "<option value=\"500M\"");
        WebSession.Page saved = session.post("/customers", Map.of("name", "字段客户", "attributes[" + key + "]", "500M"));
        assertThat(session.get(saved.location()).body()).contains("宽带套餐页面", "500M");
    }

    private long create(String json) {
        ApiClient.Response answer = api.post("/api/v1/customers", json);
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().get("id").asLong();
    }

    @Test
    void anImportWaitingItsTurnSaysSoAndKeepsAskingForItsProgress() {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO customer_import (id, file_name, status, total_rows, created_by)
                VALUES (?, 'waiting.csv', 'QUEUED', 5000, ?)""").params(id, TestAccounts.ADMIN).update();
        WebSession session = signedIn(TestAccounts.ADMIN);

        WebSession.Page progress = session.htmxGet("/customers/import/" + id + "/progress");

        assertThat(progress.status()).isEqualTo(200);
        assertThat(progress.body()).contains("id=\"importQueued\"", "waiting.csv", "hx-get=\"/customers/import/" + id
                + "/progress\"").doesNotContain("id=\"importDone\"");
        jdbc.sql("UPDATE customer_import SET status = 'FAILED', failure = 'test' WHERE id = ?").params(id).update();
        assertThat(session.htmxGet("/customers/import/" + id + "/progress").body())
                .doesNotContain("id=\"importQueued\"", "hx-get=");
    }

    private WebSession signedIn(String username) {
        WebSession session = new WebSession(port);
        assertThat(session.signIn(username, TestAccounts.PASSWORD).location()).doesNotContain("error");
        session.get("/"); // signing in renews the CSRF token
        return session;
    }

    private static String masked(String phone) {
        return phone.substring(0, 3) + "****" + phone.substring(7);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
