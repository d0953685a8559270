package io.kefu.ticket;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.kefu.ApiClient;
import io.kefu.KefuTest;
import io.kefu.Lookups;
import io.kefu.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Work orders through the REST API: creation, states, accountability, optimistic locking. */
@KefuTest
class TicketApiTest {

    @LocalServerPort
    int port;

    ApiClient admin;
    ApiClient agent;
    long agentId;

    @BeforeEach
    void setUp() {
        admin = new ApiClient(port, TestAccounts.BOOTSTRAP_TOKEN);
        agentId = Lookups.staffId(admin, TestAccounts.AGENT);
        agent = new ApiClient(port, Lookups.tokenFor(admin, agentId));
    }

    @Test
    void aTicketForANewCustomerCreatesHerOnceAndShowsOnHerTimeline() {
        String phone = Tickets.uniquePhone();
        JsonNode first = agent.post("/api/v1/tickets", Tickets.newTicketJson("REPAIR", phone, "宽带断网")).json();
        JsonNode second = agent.post("/api/v1/tickets",
                Tickets.newTicketJson("CONSULTATION", "+86 " + phone, "套餐咨询")).json();

        assertThat(first.get("state").asString()).isEqualTo("NEW");
        assertThat(second.get("customerId").asLong()).isEqualTo(first.get("customerId").asLong());
        JsonNode timeline = admin.get("/api/v1/customers/" + first.get("customerId").asLong() + "/timeline").json();
        assertThat(timeline.findValuesAsString("kind")).contains("ticket.created");
        assertThat(timeline.findValuesAsString("summary")).anyMatch(s -> s.contains("宽带断网"));
    }

    @Test
    void aTicketOfAnUnknownTypeIsRefusedUntilAnAdministratorAddsTheType() {
        String code = "RENEWAL_" + System.nanoTime();
        ApiClient.Response refused = agent.post("/api/v1/tickets",
                Tickets.newTicketJson(code, Tickets.uniquePhone(), "续约"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").findValuesAsString("field")).containsExactly("type");

        assertThat(admin.post("/api/v1/ticket-types", "{\"code\": \"%s\", \"name\": \"续约\"}".formatted(code))
                .status()).isEqualTo(201);

        assertThat(Tickets.open(agent, code)).isPositive();
    }

    @Test
    void theSameIdempotencyKeyAndBodyReturnTheFirstTicketAndAnotherBodyIsRefused() throws Exception {
        String body = Tickets.newTicketJson("REPAIR", Tickets.uniquePhone(), "重复提交");
        Map<String, String> key = Map.of("Idempotency-Key", "order-" + System.nanoTime());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Callable<ApiClient.Response>> attempts = List.of(
                () -> agent.post("/api/v1/tickets", body, key), () -> agent.post("/api/v1/tickets", body, key),
                () -> agent.post("/api/v1/tickets", body, key), () -> agent.post("/api/v1/tickets", body, key));
        List<ApiClient.Response> responses = pool.invokeAll(attempts).stream().map(TicketApiTest::get).toList();
        pool.shutdown();

        assertThat(responses).extracting(ApiClient.Response::status).containsOnly(200, 201).containsOnlyOnce(201);
        assertThat(responses).extracting(r -> r.json().get("id").asLong()).containsOnly(
                responses.get(0).json().get("id").asLong());
        ApiClient.Response other = agent.post("/api/v1/tickets",
                Tickets.newTicketJson("REPAIR", Tickets.uniquePhone(), "另一个请求"), key);
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.json().get("detail").asString()).contains("Idempotency-Key");
    }

    @Test
    void onlyTheAllowedActionsAreOfferedAndAcceptedAndTheFirstTakerStaysAccountable() {
        long id = Tickets.open(agent, "REPAIR");
        assertThat(names(agent.get("/api/v1/tickets/" + id).json().get("allowedActions")))
                .containsExactly("START");

        ApiClient.Response refused = Tickets.act(agent, id, "RESOLVE");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString()).isEqualTo("工单处于新建状态，不能执行解决。");
        assertThat(names(refused.json().get("allowedActions"))).containsExactly("START");

        JsonNode started = Tickets.act(agent, id, "START").json();
        assertThat(started.get("state").asString()).isEqualTo("IN_PROGRESS");
        assertThat(started.get("ownerId").asLong()).isEqualTo(agentId);
        long techGroup = skillGroupId("宽带故障组");
        JsonNode dispatched = admin.post("/api/v1/tickets/" + id + "/dispatch",
                "{\"skillGroupId\": " + techGroup + ", \"note\": \"需要上门\"}").json();
        assertThat(dispatched.get("ownerId").asLong()).isEqualTo(agentId);
        assertThat(dispatched.get("skillGroupId").asLong()).isEqualTo(techGroup);

        JsonNode accepted = admin.post("/api/v1/tickets/" + id + "/dispatch/accept", "{}").json();
        assertThat(accepted.get("state").asString()).isEqualTo("IN_PROGRESS");
        assertThat(accepted.get("ownerId").asLong()).isEqualTo(agentId);
        assertThat(Tickets.act(admin, id, "WAIT_ON_CUSTOMER").json().get("state").asString())
                .isEqualTo("WAITING_ON_CUSTOMER");
        assertThat(Tickets.act(admin, id, "RESOLVE").json().get("state").asString()).isEqualTo("RESOLVED");
        JsonNode closed = Tickets.act(admin, id, "CLOSE").json();
        assertThat(closed.get("state").asString()).isEqualTo("CLOSED");
        assertThat(closed.get("ownerId").asLong()).isEqualTo(agentId);
        assertThat(admin.get("/api/v1/tickets/" + id + "/history").json().findValuesAsString("field"))
                .contains("state", "dispatch");
        assertThat(admin.get("/api/v1/tickets/" + id + "/dispatches").json().findValuesAsString("state"))
                .containsExactly("ACCEPTED");
    }

    @Test
    void aComplaintClosesOnlyAfterASatisfiedReturnVisitAndADissatisfiedOneReopensIt() {
        long id = Tickets.open(agent, "COMPLAINT");
        Tickets.act(agent, id, "START");
        Tickets.act(agent, id, "RESOLVE");

        ApiClient.Response early = Tickets.act(agent, id, "CLOSE");
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().get("detail").asString()).contains("回访");

        JsonNode unhappy = agent.post("/api/v1/tickets/" + id + "/return-visits",
                "{\"verdict\": \"DISSATISFIED\", \"comment\": \"还是断网\"}").json();
        assertThat(unhappy.get("state").asString()).isEqualTo("IN_PROGRESS");

        Tickets.act(agent, id, "RESOLVE");
        JsonNode happy = agent.post("/api/v1/tickets/" + id + "/return-visits",
                "{\"verdict\": \"SATISFIED\"}").json();
        assertThat(happy.get("state").asString()).isEqualTo("CLOSED");
        assertThat(agent.get("/api/v1/tickets/" + id + "/return-visits").json()).hasSize(2);
    }

    @Test
    void aConcurrentEditLosesWith409AndTheCurrentVersion() {
        long id = Tickets.open(agent, "CONSULTATION");
        long version = agent.get("/api/v1/tickets/" + id).json().get("version").asLong();
        String edit = "{\"version\": %d, \"type\": \"CONSULTATION\", \"priority\": \"%s\", \"subject\": \"%s\"}";

        ApiClient.Response winner = agent.patch("/api/v1/tickets/" + id, edit.formatted(version, "URGENT", "甲"));
        ApiClient.Response loser = admin.patch("/api/v1/tickets/" + id, edit.formatted(version, "LOW", "乙"));

        assertThat(winner.status()).isEqualTo(200);
        assertThat(loser.status()).isEqualTo(409);
        assertThat(loser.json().get("currentVersion").asLong()).isEqualTo(winner.json().get("version").asLong());
        JsonNode now = agent.get("/api/v1/tickets/" + id).json();
        assertThat(now.get("priority").asString()).isEqualTo("URGENT");
        assertThat(now.get("subject").asString()).isEqualTo("甲");
    }

    @Test
    void anOpportunityInANoteBecomesALeadThatSalesWorksAndServiceStaffCannot() {
        long id = Tickets.open(agent, "CONSULTATION");
        agent.post("/api/v1/tickets/" + id + "/replies",
                "{\"body\": \"客户想了解千兆套餐\", \"internal\": true, \"opportunity\": \"升级千兆宽带\"}");

        ApiClient sales = new ApiClient(port, Lookups.tokenFor(admin, Lookups.staffId(admin, TestAccounts.SALES)));
        JsonNode leads = sales.get("/api/v1/leads?state=NEW&limit=200").json();
        assertThat(leads.findValuesAsString("description")).contains("升级千兆宽带");
        assertThat(agent.get("/api/v1/leads").status()).isEqualTo(403);
        long customerId = agent.get("/api/v1/tickets/" + id).json().get("customerId").asLong();
        assertThat(admin.get("/api/v1/customers/" + customerId + "/timeline").json().findValuesAsString("kind"))
                .contains("lead.created", "ticket.noted");
    }

    @Test
    void aPublicReplyIsRecordedAsTheFirstResponseAndAnInternalNoteIsNot() {
        long id = Tickets.open(agent, "CONSULTATION");
        agent.post("/api/v1/tickets/" + id + "/replies", "{\"body\": \"内部：先查线路\", \"internal\": true}");
        assertThat(agent.get("/api/v1/tickets/" + id).json().get("firstRespondedAt").isNull()).isTrue();

        assertThat(agent.post("/api/v1/tickets/" + id + "/replies", "{\"body\": \"您好，已为您报修。\"}").status())
                .isEqualTo(201);
        JsonNode ticket = agent.get("/api/v1/tickets/" + id).json();
        assertThat(ticket.get("firstRespondedAt").isNull()).isFalse();
        assertThat(agent.get("/api/v1/tickets/" + id + "/articles").json().findValuesAsString("kind"))
                .containsExactly("INTERNAL_NOTE", "PUBLIC_REPLY");
    }

    @Test
    void aTicketOutsideTheViewersDataScopeDoesNotExistForHerUntilSheIsInvolved() {
        long id = Tickets.open(admin, "CONSULTATION");
        long managerId = Lookups.staffId(admin, TestAccounts.CUSTOMER_MANAGER);
        ApiClient manager = new ApiClient(port, Lookups.tokenFor(admin, managerId));
        ApiClient supervisor = new ApiClient(port, Lookups.tokenFor(admin,
                Lookups.staffId(admin, TestAccounts.SUPERVISOR)));

        assertThat(manager.get("/api/v1/tickets/" + id).status()).isEqualTo(404);
        assertThat(supervisor.get("/api/v1/tickets/" + id).status()).isEqualTo(404);
        assertThat(manager.get("/api/v1/tickets?queue=ALL&limit=200").json().get("items")
                .findValues("id").stream().map(JsonNode::asLong).toList()).doesNotContain(id);

        admin.post("/api/v1/tickets/" + id + "/assign", "{\"assigneeId\": " + managerId + "}");
        assertThat(manager.get("/api/v1/tickets/" + id).status()).isEqualTo(200);
        assertThat(manager.get("/api/v1/tickets?queue=MINE").json().get("items")
                .findValues("id").stream().map(JsonNode::asLong).toList()).contains(id);
    }

    @Test
    void badInputIsAProblemDetailNamingTheField() {
        ApiClient.Response noCustomer = agent.post("/api/v1/tickets",
                "{\"type\": \"REPAIR\", \"subject\": \"无客户\", \"description\": \"x\"}");
        assertThat(noCustomer.status()).isEqualTo(400);
        assertThat(noCustomer.contentType()).startsWith("application/problem+json");

        ApiClient.Response badType = agent.inLanguage("en").post("/api/v1/tickets",
                Tickets.newTicketJson("NO_SUCH_TYPE", Tickets.uniquePhone(), "类型错误"));
        assertThat(badType.status()).isEqualTo(400);
        assertThat(badType.json().get("detail").asString()).isEqualTo("There is no ticket type \"NO_SUCH_TYPE\".");

        ApiClient.Response badPhone = agent.post("/api/v1/tickets", Tickets.newTicketJson("REPAIR", "12", "坏号码"));
        assertThat(badPhone.status()).isEqualTo(400);
        assertThat(agent.get("/api/v1/tickets/999999999").status()).isEqualTo(404);
    }

    @Test
    void attachmentsAreTypeCheckedByContentAndComeBackIntact() {
        long id = Tickets.open(agent, "REPAIR");
        byte[] pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF".getBytes();
        ApiClient.Response stored = agent.upload("/api/v1/tickets/" + id + "/attachments", "光猫照片说明.pdf", pdf,
                Map.of());
        assertThat(stored.status()).as(stored.body()).isEqualTo(201);
        assertThat(stored.json().get("contentType").asString()).isEqualTo("application/pdf");
        assertThat(agent.download("/api/v1/tickets/" + id + "/attachments/" + stored.json().get("id").asLong()))
                .isEqualTo(pdf);

        byte[] program = new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        ApiClient.Response refused = agent.upload("/api/v1/tickets/" + id + "/attachments", "photo.jpg", program,
                Map.of());
        assertThat(refused.status()).isEqualTo(415);
        assertThat(agent.get("/api/v1/tickets/" + id + "/attachments").json()).hasSize(1);
    }

    private long skillGroupId(String name) {
        for (JsonNode group : admin.get("/api/v1/skill-groups").json()) {
            if (group.get("name").asString().equals(name)) {
                return group.get("id").asLong();
            }
        }
        throw new AssertionError("no skill group " + name);
    }

    private static List<String> names(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }

    private static ApiClient.Response get(Future<ApiClient.Response> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
