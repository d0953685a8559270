package io.kefu.ticket;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.kefu.ApiClient;
import io.kefu.KefuTest;
import io.kefu.Lookups;
import io.kefu.TestAccounts;
import io.kefu.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The ticket screens over real HTTP, as a browser without scripts and as htmx use them. */
@KefuTest
class TicketPagesTest {

    @LocalServerPort
    int port;

    @Test
    void anAgentOpensATicketByPhoneTakesItAndSeesOnlyTheButtonsItsStateAllows() {
        WebSession agent = signedIn(TestAccounts.AGENT);
        String subject = "页面报修" + System.nanoTime();

        WebSession.Page created = agent.post("/tickets", Map.of("phone", Tickets.uniquePhone(),
                "customerName", "页面客户", "type", "REPAIR", "priority", "HIGH", "channel", "PHONE",
                "subject", subject, "description", "电视没有信号", "assignToMe", "true"));
        assertThat(created.status()).isEqualTo(302);
        String ticketPath = created.location().replaceFirst("^https?://[^/]+", "");
        assertThat(ticketPath).matches("/tickets/\\d+");

        WebSession.Page detail = agent.get(ticketPath);
        assertThat(detail.body()).contains(subject, "页面客户", "已分配", "id=\"action-START\"")
                .doesNotContain("id=\"action-RESOLVE\"");

        agent.post(ticketPath + "/actions", Map.of("action", "START"));
        assertThat(agent.get(ticketPath).body()).contains("处理中", "id=\"action-RESOLVE\"",
                "id=\"action-WAIT_ON_CUSTOMER\"").doesNotContain("id=\"action-START\"");

        WebSession.Page rows = agent.htmxGet("/tickets?queue=MINE&sort=NEWEST");
        assertThat(rows.body()).doesNotContain("<html").contains(subject, "故障报修", "处理中");
        assertThat(agent.get("/tickets?queue=MINE&state=IN_PROGRESS").body()).contains(subject,
                "<option value=\"IN_PROGRESS\" selected=\"selected\">处理中</option>",
                "<option value=\"DUE\" selected=\"selected\">截止时间优先</option>");
    }

    @Test
    void theHistoryNamesStatesTypesPrioritiesAndPeopleAsTheScreensDoNotByTheirCodes() {
        ApiClient admin = new ApiClient(port, TestAccounts.BOOTSTRAP_TOKEN);
        long id = Tickets.open(admin, "REPAIR");
        long agentId = Lookups.staffId(admin, TestAccounts.AGENT);
        WebSession agent = signedIn(TestAccounts.AGENT);
        agent.post("/tickets/" + id + "/assign", Map.of("assigneeId", String.valueOf(agentId)));
        long version = admin.get("/api/v1/tickets/" + id).json().get("version").asLong();
        agent.post("/tickets/" + id + "/edit", Map.of("version", String.valueOf(version), "type", "CONSULTATION",
                "priority", "URGENT", "subject", "看历史"));
        agent.post("/tickets/" + id + "/actions", Map.of("action", "START"));

        String body = agent.get("/tickets/" + id).body();
        String history = body.substring(body.indexOf("id=\"ticketHistory\""), body.indexOf("</table>",
                body.indexOf("id=\"ticketHistory\"")));
        assertThat(history).contains("新建", "已分配", "处理中", "李明", "故障报修", "咨询", "紧急")
                .doesNotContain("ASSIGNED", "IN_PROGRESS", "REPAIR", "CONSULTATION", "URGENT", ">" + agentId + "<");
        assertThat(admin.get("/api/v1/tickets/" + id + "/history").json().findValuesAsString("newValue"))
                .contains("IN_PROGRESS", "CONSULTATION", String.valueOf(agentId));
    }

    @Test
    void aRefusedActionComesBackAsAMessageAndAFormErrorStaysOnItsField() {
        WebSession agent = signedIn(TestAccounts.AGENT);
        WebSession.Page badPhone = agent.post("/tickets", Map.of("phone", "12", "type", "REPAIR",
                "subject", "坏号码", "description", "x"));
        assertThat(badPhone.status()).isEqualTo(200);
        assertThat(badPhone.body()).contains("is-invalid", "坏号码");

        long id = Tickets.open(new ApiClient(port, TestAccounts.BOOTSTRAP_TOKEN), "COMPLAINT");
        WebSession.Page refused = agent.post("/tickets/" + id + "/actions", Map.of("action", "CLOSE"));
        assertThat(refused.status()).isEqualTo(302);
        assertThat(agent.get("/tickets/" + id).body()).contains("alert-danger", "工单处于新建状态，不能执行关闭。");
    }

    @Test
    void aSupervisorSetsUpATypeACategoryAndACannedReplyThatAgentsThenUse() {
        WebSession supervisor = signedIn(TestAccounts.SUPERVISOR);
        String suffix = String.valueOf(System.nanoTime() % 1_000_000);
        supervisor.post("/admin/ticket-settings/types", Map.of("code", "RENEWAL" + suffix, "name", "续约" + suffix,
                "requiresReturnVisit", "true"));
        supervisor.post("/admin/ticket-settings/categories", Map.of("name", "宽带" + suffix));
        supervisor.post("/admin/ticket-settings/canned-replies", Map.of("title", "致歉" + suffix,
                "body", "{{customer.name}}您好，给您带来不便，深表歉意。"));
        WebSession.Page refused = supervisor.post("/admin/ticket-settings/types", Map.of("code", "1x", "name", "坏"));
        assertThat(refused.status()).isEqualTo(302);
        assertThat(supervisor.get("/admin/ticket-settings").body()).contains("续约" + suffix, "宽带" + suffix,
                "致歉" + suffix, "须回访满意后才能关闭");

        WebSession agent = signedIn(TestAccounts.AGENT);
        assertThat(agent.get("/tickets/new").body()).contains("RENEWAL" + suffix, "宽带" + suffix);
        assertThat(agent.get("/admin/ticket-settings").status()).isEqualTo(403);
    }

    @Test
    void salesWorkTheLeadsServiceStaffFlagged() {
        ApiClient api = new ApiClient(port, TestAccounts.BOOTSTRAP_TOKEN);
        long ticket = Tickets.open(api, "CONSULTATION");
        String chance = "企业专线" + System.nanoTime();
        api.post("/api/v1/tickets/" + ticket + "/replies", "{\"body\": \"已介绍\", \"internal\": true, "
                + "\"opportunity\": \"" + chance + "\"}");
        List<Long> flagged = new ArrayList<>();
        for (JsonNode lead : api.get("/api/v1/leads?state=NEW&limit=200").json()) {
            if (lead.get("description").asString().equals(chance)) {
                flagged.add(lead.get("id").asLong());
            }
        }
        assertThat(flagged).hasSize(1);

        WebSession sales = signedIn(TestAccounts.SALES);
        assertThat(sales.get("/leads").body()).contains(chance);
        sales.post("/leads/" + flagged.get(0), Map.of("state", "WON"));
        assertThat(sales.get("/leads?state=WON").body()).contains(chance);
        assertThat(signedIn(TestAccounts.AGENT).get("/leads").status()).isEqualTo(403);
    }

    private WebSession signedIn(String username) {
        WebSession session = new WebSession(port);
        assertThat(session.signIn(username, TestAccounts.PASSWORD).location()).doesNotContain("error");
        session.get("/");
        return session;
    }
}
