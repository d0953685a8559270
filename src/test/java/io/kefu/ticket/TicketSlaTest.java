package io.kefu.ticket;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

import io.kefu.ApiClient;
import io.kefu.KefuTest;
import io.kefu.Lookups;
import io.kefu.TestAccounts;
import io.kefu.sla.SlaBreached;
import io.kefu.sla.SlaMetric;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Tickets and their SLA: deadlines on every ticket, the clock paused while waiting, warnings and escalation. */
@KefuTest
class TicketSlaTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    ApiClient admin;
    ApiClient agent;

    @BeforeEach
    void setUp() {
        admin = new ApiClient(port, TestAccounts.BOOTSTRAP_TOKEN);
        agent = new ApiClient(port, Lookups.tokenFor(admin, Lookups.staffId(admin, TestAccounts.AGENT)));
    }

    @Test
    void aNewTicketCarriesTheDeadlinesOfTheMatchingPolicyAndWaitingOnTheCustomerPausesThem() {
        long id = Tickets.open(agent, "CONSULTATION");
        JsonNode sla = agent.get("/api/v1/tickets/" + id).json().get("sla");
        assertThat(sla.get("policy").asString()).isEqualTo("标准");
        assertThat(sla.get("state").asString()).isEqualTo("ON_TIME");
        assertThat(sla.get("clocks").findValuesAsString("metric")).containsExactlyInAnyOrder("FIRST_RESPONSE",
                "RESOLUTION");
        assertThat(Instant.parse(sla.get("nextDueAt").asString())).isAfter(Instant.now());

        Tickets.act(agent, id, "START");
        agent.post("/api/v1/tickets/" + id + "/replies", "{\"body\": \"请提供光猫照片\"}");
        JsonNode waiting = Tickets.act(agent, id, "WAIT_ON_CUSTOMER").json().get("sla");
        assertThat(clock(waiting, "FIRST_RESPONSE").get("state").asString()).isEqualTo("MET");
        assertThat(clock(waiting, "RESOLUTION").get("state").asString()).isEqualTo("PAUSED");
        assertThat(waiting.get("nextDueAt").isNull()).isTrue();

        JsonNode resumed = Tickets.act(agent, id, "RESUME").json().get("sla");
        assertThat(clock(resumed, "RESOLUTION").get("state").asString()).isEqualTo("RUNNING");
        assertThat(resumed.get("nextDueAt").isNull()).isFalse();
    }

    @Test
    void aWarningMarksTheTicketAboutToBreachAndTellsItsAssignee() throws Exception {
        long id = ticketWarnedWithinASecond();

        waitUntil(() -> agent.get("/api/v1/tickets/" + id).json().get("sla").get("state").asString()
                .equals("WARNING"));
        assertThat(agent.get("/api/v1/tickets?queue=ABOUT_TO_BREACH&limit=200").json().get("items")
                .findValues("id").stream().map(JsonNode::asLong).toList()).contains(id);
        waitUntil(() -> agent.get("/api/v1/me/notifications").json().findValuesAsString("link")
                .contains("/tickets/" + id));
    }

    @Test
    void warningsGoOutAgainSoonAfterANodeDiesInTheMiddleOfASweep() throws Exception {
        // What a node killed while it swept leaves behind: the sweep picked by it, its heartbeat about to stop.
        waitUntil(() -> jdbc.sql("""
                UPDATE scheduled_tasks SET picked = true, picked_by = 'a-node-that-died', last_heartbeat = now(),
                       version = version + 1
                 WHERE task_name = 'sla-deadlines' AND NOT picked""").update() == 1);

        long id = ticketWarnedWithinASecond();

        waitUntil(() -> agent.get("/api/v1/me/notifications").json().findValuesAsString("link")
                .contains("/tickets/" + id));
    }

    @Test
    void aBreachEscalatesToTheSupervisor() throws Exception {
        long id = Tickets.open(agent, "REPAIR");
        ApiClient supervisor = new ApiClient(port,
                Lookups.tokenFor(admin, Lookups.staffId(admin, TestAccounts.SUPERVISOR)));

        transactions.executeWithoutResult(tx -> events.publishEvent(
                new SlaBreached(id, SlaMetric.FIRST_RESPONSE, Instant.now())));

        waitUntil(() -> supervisor.get("/api/v1/me/notifications").json().findValuesAsString("link")
                .contains("/tickets/" + id));
    }

    /** A praise ticket on Weibo assigned to the agent, under a policy that warns 1 % into a one-minute target. */
    private long ticketWarnedWithinASecond() {
        long calendar = admin.post("/api/v1/sla/calendars", """
                {"name": "全天候%d", "zone": "Asia/Shanghai", "weeklyPeriods": [
                  {"dayOfWeek": "MONDAY", "start": "00:00", "end": "24:00"},
                  {"dayOfWeek": "TUESDAY", "start": "00:00", "end": "24:00"},
                  {"dayOfWeek": "WEDNESDAY", "start": "00:00", "end": "24:00"},
                  {"dayOfWeek": "THURSDAY", "start": "00:00", "end": "24:00"},
                  {"dayOfWeek": "FRIDAY", "start": "00:00", "end": "24:00"},
                  {"dayOfWeek": "SATURDAY", "start": "00:00", "end": "24:00"},
                  {"dayOfWeek": "SUNDAY", "start": "00:00", "end": "24:00"}]}""".formatted(System.nanoTime()))
                .json().get("id").asLong();
        ApiClient.Response policy = admin.post("/api/v1/sla/policies", """
                {"name": "微博表扬%d", "ticketTypes": ["PRAISE"], "channels": ["WEIBO"], "firstResponseMinutes": 1,
                 "resolutionMinutes": 600, "warnPercent": 1, "calendarId": %d}""".formatted(System.nanoTime(), calendar));
        assertThat(policy.status()).as(policy.body()).isEqualTo(201);

        long agentId = Lookups.staffId(admin, TestAccounts.AGENT);
        return agent.post("/api/v1/tickets", """
                {"customer": {"phones": ["%s"]}, "type": "PRAISE", "channel": "WEIBO", "subject": "表扬客服小李",
                 "description": "服务很好", "assigneeId": %d}""".formatted(Tickets.uniquePhone(), agentId))
                .json().get("id").asLong();
    }

    private static JsonNode clock(JsonNode sla, String metric) {
        for (JsonNode clock : sla.get("clocks")) {
            if (clock.get("metric").asString().equals(metric)) {
                return clock;
            }
        }
        throw new AssertionError("no clock " + metric);
    }

    private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waited 20 s").isBefore(deadline);
            Thread.sleep(200);
        }
    }
}
