package io.kefu.sla;

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

/** Administrators and supervisors keep policies and calendars through the API and the pages; others may not. */
@KefuTest
class SlaAdminTest {

    @LocalServerPort
    int port;

    private ApiClient admin;

    @BeforeEach
    void setUp() {
        admin = new ApiClient(port, TestAccounts.BOOTSTRAP_TOKEN);
    }

    @Test
    void theStandardCalendarAndDemoPoliciesAreThere() {
        JsonNode standard = SlaFixtures.first(admin, "/api/v1/sla/calendars", c -> c.get("isDefault").asBoolean());
        assertThat(standard).isNotNull();
        assertThat(standard.get("zone").asString()).isEqualTo("Asia/Shanghai");
        assertThat(standard.get("weeklyPeriods")).hasSize(10);
        assertThat(standard.get("holidays").toString()).contains("2026-10-01", "2026-02-15");
        assertThat(standard.get("workdays").toString()).contains("2026-02-14", "2026-02-28", "2026-09-20");
        assertThat(admin.get("/api/v1/sla/policies").json()).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void calendarsAreCreatedReadChangedAndDeleted() {
        ApiClient.Response created = admin.post("/api/v1/sla/calendars", """
                {"name": "Night desk", "zone": "Europe/Berlin",
                 "weeklyPeriods": [{"dayOfWeek": "MONDAY", "start": "22:00", "end": "24:00"},
                                   {"dayOfWeek": "TUESDAY", "start": "00:00", "end": "06:00"}],
                 "holidays": [{"date": "2026-12-25", "name": "Christmas"}],
                 "workdays": [{"date": "2026-12-27", "periods": [{"start": "09:00", "end": "12:00"}]}]}""");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        JsonNode read = admin.get("/api/v1/sla/calendars/" + id).json();
        assertThat(read.get("weeklyPeriods").get(0).get("end").asString()).isEqualTo("24:00");
        assertThat(read.get("workdays").get(0).get("periods").get(0).get("start").asString()).isEqualTo("09:00");
        assertThat(read.get("isDefault").asBoolean()).isFalse();

        ApiClient.Response renamed = admin.put("/api/v1/sla/calendars/" + id, """
                {"name": "Night desk Berlin", "zone": "Europe/Berlin",
                 "weeklyPeriods": [{"dayOfWeek": "MONDAY", "start": "22:00", "end": "24:00"}]}""");
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        assertThat(renamed.json().get("name").asString()).isEqualTo("Night desk Berlin");
        assertThat(renamed.json().get("holidays")).isEmpty();

        assertThat(admin.delete("/api/v1/sla/calendars/" + id).status()).isEqualTo(204);
        assertThat(admin.get("/api/v1/sla/calendars/" + id).status()).isEqualTo(404);
        assertThat(admin.get("/api/v1/audit?action=sla.calendarDeleted").body()).contains("Night desk Berlin");
    }

    @Test
    void badCalendarsAreRefusedWithTheField() {
        ApiClient.Response overlap = admin.post("/api/v1/sla/calendars", """
                {"name": "Overlapping", "weeklyPeriods": [{"dayOfWeek": "MONDAY", "start": "08:00", "end": "12:00"},
                                                          {"dayOfWeek": "MONDAY", "start": "11:00", "end": "13:00"}]}""");
        assertThat(overlap.status()).isEqualTo(400);
        assertThat(overlap.contentType()).contains("application/problem+json");
        assertThat(overlap.json().get("field").asString()).isEqualTo("weeklyPeriods[1]");

        ApiClient.Response backwards = admin.post("/api/v1/sla/calendars", """
                {"name": "Backwards", "weeklyPeriods": [{"dayOfWeek": "MONDAY", "start": "12:00", "end": "08:00"}]}""");
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.json().get("field").asString()).isEqualTo("weeklyPeriods[0].end");

        ApiClient.Response zone = admin.inLanguage("en").post("/api/v1/sla/calendars", """
                {"name": "Nowhere", "zone": "Mars/Olympus",
                 "weeklyPeriods": [{"dayOfWeek": "MONDAY", "start": "08:00", "end": "12:00"}]}""");
        assertThat(zone.status()).isEqualTo(400);
        assertThat(zone.json().get("field").asString()).isEqualTo("zone");
        assertThat(zone.json().get("detail").asString()).contains("Mars/Olympus");

        ApiClient.Response noName = admin.post("/api/v1/sla/calendars", "{\"weeklyPeriods\": []}");
        assertThat(noName.status()).isEqualTo(400);
        assertThat(noName.json().get("errors").get(0).get("field").asString()).isEqualTo("name");
    }

    @Test
    void theDefaultCalendarAndOneInUseCannotBeDeleted() {
        long defaultId = SlaFixtures.first(admin, "/api/v1/sla/calendars", c -> c.get("isDefault").asBoolean())
                .get("id").asLong();
        assertThat(admin.delete("/api/v1/sla/calendars/" + defaultId).status()).isEqualTo(409);

        long used = SlaFixtures.allDayCalendar(admin, "used-by-policy");
        long policy = SlaFixtures.policy(admin, "{\"name\": \"uses-calendar\", \"ticketTypes\": [\"NOTHING\"], "
                + "\"firstResponseMinutes\": 5, \"resolutionMinutes\": 10, \"calendarId\": " + used + "}");
        ApiClient.Response refused = admin.delete("/api/v1/sla/calendars/" + used);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).contains("application/problem+json");

        assertThat(admin.delete("/api/v1/sla/policies/" + policy).status()).isEqualTo(204);
        assertThat(admin.delete("/api/v1/sla/calendars/" + used).status()).isEqualTo(204);
    }

    @Test
    void policiesAreCreatedChangedAndDeletedWithNormalisedCriteria() {
        long id = SlaFixtures.policy(admin, """
                {"name": "Gold email", "ticketTypes": ["fault_repair"], "priorities": ["high"],
                 "customerTiers": [" Gold "], "channels": ["email"], "firstResponseMinutes": 45,
                 "resolutionMinutes": 600}""");
        JsonNode read = admin.get("/api/v1/sla/policies/" + id).json();
        assertThat(read.get("ticketTypes").get(0).asString()).isEqualTo("FAULT_REPAIR");
        assertThat(read.get("priorities").get(0).asString()).isEqualTo("HIGH");
        assertThat(read.get("customerTiers").get(0).asString()).isEqualTo("Gold");
        assertThat(read.get("warnPercent").asInt()).isEqualTo(80);
        assertThat(read.get("active").asBoolean()).isTrue();

        ApiClient.Response changed = admin.put("/api/v1/sla/policies/" + id, """
                {"name": "Gold email", "active": false, "firstResponseMinutes": 30, "resolutionMinutes": 300,
                 "warnPercent": 90}""");
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().get("active").asBoolean()).isFalse();
        assertThat(changed.json().get("channels")).isEmpty();

        assertThat(admin.post("/api/v1/sla/policies", "{\"name\": \"gold EMAIL\", \"firstResponseMinutes\": 1, "
                + "\"resolutionMinutes\": 2}").status()).isEqualTo(409);
        assertThat(admin.delete("/api/v1/sla/policies/" + id).status()).isEqualTo(204);
        assertThat(admin.get("/api/v1/sla/policies/" + id).status()).isEqualTo(404);
        assertThat(admin.get("/api/v1/audit?action=sla.policyCreated").body()).contains("Gold email");
    }

    @Test
    void badPoliciesAreRefusedWithTheField() {
        ApiClient.Response zeroTarget = admin.post("/api/v1/sla/policies",
                "{\"name\": \"Zero\", \"firstResponseMinutes\": 0, \"resolutionMinutes\": 10}");
        assertThat(zeroTarget.status()).isEqualTo(400);
        assertThat(zeroTarget.json().get("errors").get(0).get("field").asString()).isEqualTo("firstResponseMinutes");

        ApiClient.Response share = admin.post("/api/v1/sla/policies",
                "{\"name\": \"Late warning\", \"firstResponseMinutes\": 5, \"resolutionMinutes\": 10, \"warnPercent\": 100}");
        assertThat(share.status()).isEqualTo(400);
        assertThat(share.json().get("errors").get(0).get("field").asString()).isEqualTo("warnPercent");

        ApiClient.Response priority = admin.post("/api/v1/sla/policies", "{\"name\": \"Odd\", "
                + "\"priorities\": [\"SOMEDAY\"], \"firstResponseMinutes\": 5, \"resolutionMinutes\": 10}");
        assertThat(priority.status()).isEqualTo(400);
        assertThat(priority.json().get("field").asString()).isEqualTo("priorities");

        ApiClient.Response calendar = admin.post("/api/v1/sla/policies", "{\"name\": \"No calendar\", "
                + "\"firstResponseMinutes\": 5, \"resolutionMinutes\": 10, \"calendarId\": 999999}");
        assertThat(calendar.status()).isEqualTo(400);
        assertThat(calendar.json().get("field").asString()).isEqualTo("calendarId");
    }

    @Test
    void anAgentMayNeitherReadNorChangePolicies() {
        String agentToken = Lookups.tokenFor(admin, Lookups.staffId(admin, TestAccounts.AGENT));
        ApiClient agent = new ApiClient(port, agentToken);
        assertThat(agent.get("/api/v1/sla/policies").status()).isEqualTo(403);
        ApiClient.Response refused = agent.post("/api/v1/sla/policies",
                "{\"name\": \"Mine\", \"firstResponseMinutes\": 5, \"resolutionMinutes\": 10}");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).contains("application/problem+json");
    }

    @Test
    void aPolicyFormTicksTicketTypesAndChannelsByTheirLabelsAndKeepsCodesItDoesNotKnow() {
        WebSession supervisor = new WebSession(port);
        supervisor.signIn(TestAccounts.SUPERVISOR, TestAccounts.PASSWORD);
        assertThat(supervisor.get("/admin/sla/policies/new").body())
                .contains("value=\"COMPLAINT\"", ">投诉</label>", "value=\"WECHAT\"", ">微信</label>");

        String name = "勾选策略" + System.nanoTime();
        String calendarId = SlaFixtures.first(admin, "/api/v1/sla/calendars", c -> c.get("isDefault").asBoolean())
                .get("id").asString();
        WebSession.Page saved = supervisor.post("/admin/sla/policies", Map.of("name", name, "rank", "50",
                "ticketTypes", "COMPLAINT", "channels", "WECHAT", "firstResponseMinutes", "20",
                "resolutionMinutes", "60", "warnPercent", "80", "calendarId", calendarId));
        assertThat(saved.status()).isEqualTo(302);
        JsonNode policy = SlaFixtures.first(admin, "/api/v1/sla/policies", p -> p.get("name").asString().equals(name));
        assertThat(policy).isNotNull();
        assertThat(policy.get("ticketTypes").toString()).isEqualTo("[\"COMPLAINT\"]");
        assertThat(policy.get("channels").toString()).isEqualTo("[\"WECHAT\"]");
        assertThat(supervisor.get("/admin/sla/policies").body()).contains("工单类型: 投诉", "渠道: 微信");

        long legacy = SlaFixtures.policy(admin, """
                {"name": "旧代码策略%d", "ticketTypes": ["LEGACY_TYPE"], "firstResponseMinutes": 5,
                 "resolutionMinutes": 10}""".formatted(System.nanoTime()));
        assertThat(supervisor.get("/admin/sla/policies/" + legacy).body())
                .containsPattern("value=\"LEGACY_TYPE\"[^>]*checked");
    }

    @Test
    void aSupervisorEditsCalendarsOnTheFormWithFieldErrors() {
        WebSession supervisor = new WebSession(port);
        supervisor.signIn(TestAccounts.SUPERVISOR, TestAccounts.PASSWORD);
        assertThat(supervisor.get("/admin/sla/calendars").body()).contains("Asia/Shanghai");
        assertThat(supervisor.get("/admin/sla/policies").body()).contains("/admin/sla/policies/new",
                "工单类型: 投诉").doesNotContain("工单类型: COMPLAINT");

        WebSession.Page wrong = supervisor.post("/admin/sla/calendars", Map.of("name", "Form calendar",
                "zone", "Asia/Shanghai", "monday", "08:30-12:00, 11:00-13:00", "holidays", "", "workdays", ""));
        assertThat(wrong.status()).isEqualTo(200);
        assertThat(wrong.body()).contains("is-invalid", "11:00-13:00");

        WebSession.Page saved = supervisor.post("/admin/sla/calendars", Map.of("name", "Form calendar",
                "zone", "Asia/Shanghai", "monday", "08:30-12:00, 13:30-18:00", "saturday", "09:00-12:00",
                "holidays", "2026-10-01 National Day\n2026-10-02", "workdays", "2026-10-10 09:00-12:00 make-up"));
        assertThat(saved.status()).isEqualTo(302);
        JsonNode form = SlaFixtures.first(admin, "/api/v1/sla/calendars",
                c -> c.get("name").asString().equals("Form calendar"));
        assertThat(form).isNotNull();
        assertThat(form.get("weeklyPeriods")).hasSize(3);
        assertThat(form.get("holidays")).hasSize(2);
        assertThat(form.get("workdays").get(0).get("name").asString()).isEqualTo("make-up");

        WebSession.Page policy = supervisor.post("/admin/sla/policies", Map.of("name", "Form policy",
                "rank", "100", "firstResponseMinutes", "0", "resolutionMinutes", "60", "warnPercent", "80",
                "calendarId", form.get("id").asString()));
        assertThat(policy.status()).isEqualTo(200);
        assertThat(policy.body()).contains("is-invalid");
    }
}
