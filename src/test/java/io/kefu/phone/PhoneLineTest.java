package io.kefu.phone;

import java.util.Map;

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

/** The phone line: calls pushed by the telephone system or logged by hand, and the queue's hourly figures. */
@KefuTest
class PhoneLineTest {

    @LocalServerPort
    int port;

    ApiClient admin;
    ApiClient agent;

    @BeforeEach
    void setUp() {
        admin = new ApiClient(port, TestAccounts.BOOTSTRAP_TOKEN);
        agent = new ApiClient(port, Lookups.tokenFor(admin, Lookups.staffId(admin, TestAccounts.AGENT)));
    }

    @Test
    void aCallIsMatchedToTheCustomerByNumberShownOnHerTimelineAndRecordedOnce() {
        String phone = uniquePhone();
        long customerId = admin.post("/api/v1/customers",
                "{\"name\":\"赵敏\",\"type\":\"PERSON\",\"phones\":[\"" + phone + "\"]}").json().get("id").asLong();
        String call = """
                {"externalId":"pbx-%s","callerNumber":"+86 %s","queueName":"宽带","startedAt":"2026-11-20T01:00:00Z",
                 "answeredAt":"2026-11-20T01:00:12Z","endedAt":"2026-11-20T01:03:12Z",
                 "recordingUrl":"https://pbx.example.com/rec/1.mp3"}""".formatted(phone, phone);

        ApiClient.Response first = agent.post("/api/v1/calls", call);
        ApiClient.Response again = agent.post("/api/v1/calls", call);

        assertThat(first.status()).isEqualTo(201);
        JsonNode logged = first.json();
        assertThat(logged.get("customerId").asLong()).isEqualTo(customerId);
        assertThat(logged.get("waitSeconds").asInt()).isEqualTo(12);
        assertThat(logged.get("talkSeconds").asLong()).isEqualTo(180);
        assertThat(logged.get("abandoned").asBoolean()).isFalse();
        assertThat(logged.get("callerNumber").asString()).isEqualTo(phone.substring(0, 3) + "****"
                + phone.substring(7));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("id").asLong()).isEqualTo(logged.get("id").asLong());
        assertThat(agent.get("/api/v1/calls?customerId=" + customerId).json()).hasSize(1);
        JsonNode timeline = admin.get("/api/v1/customers/" + customerId + "/timeline").json();
        assertThat(timeline.findValuesAsString("kind")).containsOnlyOnce("call.INBOUND");
        assertThat(timeline.findValuesAsString("source")).contains("PHONE");
    }

    @Test
    void anUnknownOrWithheldNumberIsKeptAndCanBeLinkedToACustomerAndATicketLater() {
        JsonNode withheld = agent.post("/api/v1/calls",
                "{\"callerNumber\":\"anonymous\",\"startedAt\":\"2026-11-20T02:00:00Z\","
                        + "\"endedAt\":\"2026-11-20T02:00:20Z\"}").json();
        assertThat(withheld.get("customerId").isNull()).isTrue();
        assertThat(withheld.get("abandoned").asBoolean()).isTrue();
        assertThat(withheld.get("waitSeconds").asInt()).isEqualTo(20);

        long customerId = admin.post("/api/v1/customers",
                "{\"name\":\"钱多多\",\"type\":\"PERSON\",\"phones\":[\"" + uniquePhone() + "\"]}").json()
                .get("id").asLong();
        long ticketId = agent.post("/api/v1/tickets", "{\"customerId\":" + customerId
                + ",\"type\":\"CONSULTATION\",\"subject\":\"回电\",\"description\":\"未接来电回拨\"}").json()
                .get("id").asLong();
        String path = "/api/v1/calls/" + withheld.get("id").asLong();

        ApiClient.Response missingTicket = agent.patch(path, "{\"ticketId\":999999999}");
        JsonNode linked = agent.patch(path, "{\"customerId\":" + customerId + ",\"ticketId\":" + ticketId
                + ",\"notes\":\"已回拨\"}").json();
        JsonNode notesOnly = agent.patch(path, "{\"notes\":\"客户满意\"}").json();

        assertThat(missingTicket.status()).isEqualTo(400);
        assertThat(missingTicket.json().get("field").asString()).isEqualTo("ticketId");
        assertThat(linked.get("customerId").asLong()).isEqualTo(customerId);
        assertThat(notesOnly.get("ticketId").asLong()).isEqualTo(ticketId);
        assertThat(notesOnly.get("notes").asString()).isEqualTo("客户满意");
        assertThat(admin.get("/api/v1/customers/" + customerId + "/timeline").json().findValuesAsString("kind"))
                .contains("call.abandoned");
    }

    @Test
    void impossibleCallsAreRefusedWithTheFieldNamedAndNothingStored() {
        int before = agent.get("/api/v1/calls?limit=500").json().size();
        assertThat(refusedField("{\"startedAt\":\"2026-11-20T02:00:00Z\"}")).isEqualTo("callerNumber");
        assertThat(refusedField("{\"callerNumber\":\"13800000000\"}")).isEqualTo("startedAt");
        assertThat(refusedField("{\"callerNumber\":\"13800000000\",\"startedAt\":\"2026-11-20T02:00:00Z\","
                + "\"answeredAt\":\"2026-11-20T01:59:00Z\"}")).isEqualTo("answeredAt");
        assertThat(refusedField("{\"callerNumber\":\"13800000000\",\"startedAt\":\"2026-11-20T02:00:00Z\","
                + "\"answeredAt\":\"2026-11-20T02:00:09Z\",\"abandoned\":true}")).isEqualTo("abandoned");
        assertThat(refusedField("{\"callerNumber\":\"13800000000\",\"startedAt\":\"2026-11-20T02:00:00Z\","
                + "\"recordingUrl\":\"javascript:alert(1)\"}")).isEqualTo("recordingUrl");
        assertThat(agent.post("/api/v1/calls", "{\"callerNumber\":").status()).isEqualTo(400);
        assertThat(agent.get("/api/v1/calls?limit=500").json().size()).isEqualTo(before);
    }

    @Test
    void theQueueShowsEachHoursWaitsAbandonmentAndWhenTooManyCallersWaited() {
        // 2021-06-15 09:00 in Shanghai is 01:00Z. Five callers arrive within eight seconds; one hangs up.
        logCall("01:00:00", "01:00:10", null);
        logCall("01:00:05", "01:00:30", null);
        logCall("01:00:06", null, "01:00:40");
        logCall("01:00:07", "01:00:20", null);
        logCall("01:00:08", "01:00:21", null);
        logCall("02:30:00", "02:30:05", null);

        JsonNode day = agent.get("/api/v1/calls/queue?date=2021-06-15").json();

        JsonNode nine = day.get("hours").get(9);
        assertThat(nine.get("offered").asInt()).isEqualTo(5);
        assertThat(nine.get("answered").asInt()).isEqualTo(4);
        assertThat(nine.get("abandoned").asInt()).isEqualTo(1);
        assertThat(nine.get("averageWaitSeconds").asDouble()).isEqualTo((10 + 25 + 13 + 13) / 4.0);
        assertThat(nine.get("longestWaitSeconds").asInt()).isEqualTo(34);
        assertThat(nine.get("answeredInTimeShare").asDouble()).isEqualTo(3 / 5.0);
        assertThat(nine.get("peakWaiting").asInt()).isEqualTo(5);
        assertThat(nine.get("overloaded").asBoolean()).isTrue();
        JsonNode ten = day.get("hours").get(10);
        assertThat(ten.get("offered").asInt()).isEqualTo(1);
        assertThat(ten.get("overloaded").asBoolean()).isFalse();
        assertThat(day.get("total").get("offered").asInt()).isEqualTo(6);

        WebSession session = new WebSession(port);
        session.signIn(TestAccounts.SUPERVISOR, TestAccounts.PASSWORD);
        String page = session.get("/calls/queue?date=2021-06-15").body();
        assertThat(page).contains("09:00", "10:00", "table-warning");
    }

    @Test
    void anAgentLogsACallByHandAndASupervisorRevealsTheNumberWhichIsAudited() {
        WebSession agentSession = new WebSession(port);
        agentSession.signIn(TestAccounts.AGENT, TestAccounts.PASSWORD);
        assertThat(agentSession.get("/calls/new").body()).contains("callForm");
        WebSession.Page refused = agentSession.post("/calls", Map.of("direction", "INBOUND",
                "callerNumber", "13912345678", "startedAt", "2026-11-20T10:00:00",
                "answeredAt", "2026-11-20T09:59:00"));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("is-invalid");

        WebSession.Page saved = agentSession.post("/calls", Map.of("direction", "INBOUND",
                "callerNumber", "13912345678", "startedAt", "2026-11-20T10:00:00",
                "answeredAt", "2026-11-20T10:00:04", "notes", "咨询套餐"));
        assertThat(saved.location()).matches(".*/calls/\\d+");
        String callPath = saved.location().replaceAll("^.*(/calls/\\d+)$", "$1");
        assertThat(agentSession.get(callPath).body()).contains("139****5678", "咨询套餐")
                .doesNotContain("13912345678");

        WebSession supervisor = new WebSession(port);
        supervisor.signIn(TestAccounts.SUPERVISOR, TestAccounts.PASSWORD);
        assertThat(supervisor.get(callPath).body()).contains("revealNumber");
        assertThat(supervisor.post(callPath + "/reveal", Map.of()).body()).contains("13912345678");
        assertThat(admin.get("/api/v1/audit?action=call.revealed").json().findValuesAsString("targetId"))
                .contains(callPath.substring("/calls/".length()));
    }

    private void logCall(String start, String answered, String ended) {
        String json = "{\"callerNumber\":\"" + uniquePhone() + "\",\"startedAt\":\"2021-06-15T" + start + "Z\""
                + (answered == null ? "" : ",\"answeredAt\":\"2021-06-15T" + answered + "Z\"")
                + (ended == null ? "" : ",\"endedAt\":\"2021-06-15T" + ended + "Z\"") + "}";
        assertThat(agent.post("/api/v1/calls", json).status()).isEqualTo(201);
    }

    private String refusedField(String json) {
        ApiClient.Response response = agent.post("/api/v1/calls", json);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("detail").asString()).isNotBlank();
        return response.json().get("field").asString();
    }

    private static String uniquePhone() {
        return "139" + String.format("%08d", Math.floorMod(System.nanoTime(), 100_000_000L));
    }
}
