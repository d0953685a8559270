package io.kefu.identity;

import java.util.ArrayList;
import java.util.List;

import io.kefu.ApiClient;
import io.kefu.KefuTest;
import io.kefu.TestAccounts;
import io.kefu.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** What an empty database gets on first start: the administrator, the bootstrap token and the demo company. */
@KefuTest
class FirstStartTest {

    @LocalServerPort
    int port;

    @Test
    void administratorSignsInWithThePasswordFromTheEnvironment() {
        WebSession.Page answer = new WebSession(port).signIn(TestAccounts.ADMIN, TestAccounts.PASSWORD);

        assertThat(answer.status()).isEqualTo(302);
        assertThat(answer.location()).doesNotContain("error");
    }

    @Test
    void bootstrapTokenActsAsTheAdministrator() {
        JsonNode me = new ApiClient(port, TestAccounts.BOOTSTRAP_TOKEN).get("/api/v1/me").json();

        assertThat(me.get("username").asString()).isEqualTo(TestAccounts.ADMIN);
        assertThat(me.get("roles").toString()).contains("ADMINISTRATOR");
        assertThat(me.get("dataScope").asString()).isEqualTo("ALL");
    }

    @Test
    void demoCompanyHasTheThreeDepartmentsStaffInEveryRoleAndSkillGroups() {
        ApiClient api = new ApiClient(port, TestAccounts.BOOTSTRAP_TOKEN);

        List<String> topDepartments = new ArrayList<>();
        api.get("/api/v1/departments").json().forEach(d -> topDepartments.add(d.get("name").asString()));
        assertThat(topDepartments).contains("客服部", "技术部", "商务部");

        List<String> rolesHeld = new ArrayList<>();
        api.get("/api/v1/staff?limit=500").json().forEach(s -> s.get("roles").forEach(r -> rolesHeld.add(r.asString())));
        assertThat(rolesHeld).contains("ADMINISTRATOR", "SUPERVISOR", "AGENT", "CUSTOMER_MANAGER", "SALES",
                "TECHNICAL_SUPPORT", "QUALITY_INSPECTOR");

        List<String> groups = new ArrayList<>();
        api.get("/api/v1/skill-groups").json().forEach(g -> groups.add(g.get("name").asString()));
        assertThat(groups).contains("宽带故障组", "账单咨询组", "投诉处理组");
    }

    @Test
    void demoStaffSignInWithTheAdministratorsFirstPassword() {
        WebSession.Page answer = new WebSession(port).signIn(TestAccounts.AGENT, TestAccounts.PASSWORD);

        assertThat(answer.location()).doesNotContain("error");
    }
}
