package io.kefu.identity;

import java.time.Duration;

import io.kefu.ApiClient;
import io.kefu.KefuTest;
import io.kefu.Lookups;
import io.kefu.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Custom roles grant what they say; tokens act as their staff member and stop working when revoked. */
@KefuTest
class RolesAndTokensTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ApiClient admin;

    @BeforeEach
    void setUp() {
        admin = new ApiClient(port, TestAccounts.BOOTSTRAP_TOKEN);
    }

    @Test
    void aCustomRoleGivesItsHoldersExactlyItsPermissionsAndScope() {
        String code = "AUDITOR_" + Long.toString(System.nanoTime(), 36).toUpperCase();
        long roleId = admin.post("/api/v1/roles", """
                {"code": "%s", "name": "内审", "dataScope": "DEPARTMENT", "permissions": ["AUDIT_READ"]}"""
                .formatted(code)).json().get("id").asLong();
        String username = StaffApiTest.unique("auditor");
        long staffId = admin.post("/api/v1/staff", """
                {"username": "%s", "displayName": "内审员", "roleIds": [%d], "password": "Audit-Pass-2026"}"""
                .formatted(username, roleId)).json().get("id").asLong();
        ApiClient auditor = new ApiClient(port, issue("auditor", staffId).get("secret").asString());

        JsonNode me = auditor.get("/api/v1/me").json();
        assertThat(me.get("permissions").toString()).isEqualTo("[\"AUDIT_READ\"]");
        assertThat(me.get("dataScope").asString()).isEqualTo("DEPARTMENT");
        assertThat(auditor.get("/api/v1/audit?limit=1").status()).isEqualTo(200);
        assertThat(auditor.get("/api/v1/staff").status()).isEqualTo(403);
    }

    @Test
    void withSeveralRolesTheWidestScopeAndAllPermissionsApply() {
        long agent = Lookups.roleId(admin, "AGENT");
        long inspector = Lookups.roleId(admin, "QUALITY_INSPECTOR");
        long staffId = admin.post("/api/v1/staff", """
                {"username": "%s", "displayName": "兼职质检", "roleIds": [%d, %d], "password": "Both-Roles-2026"}"""
                .formatted(StaffApiTest.unique("both"), agent, inspector)).json().get("id").asLong();

        JsonNode me = new ApiClient(port, issue("both", staffId).get("secret").asString()).get("/api/v1/me").json();

        assertThat(me.get("dataScope").asString()).isEqualTo("ALL");
        assertThat(me.get("permissions").toString()).contains("STAFF_READ");
    }

    @Test
    void theAdministratorRoleCannotBeChangedNorABuiltInRoleDeleted() {
        long administrator = Lookups.roleId(admin, "ADMINISTRATOR");
        long agent = Lookups.roleId(admin, "AGENT");

        assertThat(admin.put("/api/v1/roles/" + administrator,
                "{\"name\": \"x\", \"dataScope\": \"OWN\", \"permissions\": []}").status()).isEqualTo(409);
        assertThat(admin.delete("/api/v1/roles/" + agent).status()).isEqualTo(409);
    }

    @Test
    void theSecretIsShownOnceAndARevokedTokenIsRefused() {
        long adminId = admin.get("/api/v1/me").json().get("id").asLong();
        JsonNode issued = issue("ci-pipeline", adminId);
        String secret = issued.get("secret").asString();
        long tokenId = issued.get("token").get("id").asLong();

        assertThat(secret).startsWith("kefu_").hasSizeGreaterThan(40);
        assertThat(admin.get("/api/v1/tokens").body()).doesNotContain(secret).contains("ci-pipeline");
        ApiClient integration = new ApiClient(port, secret);
        assertThat(integration.get("/api/v1/me").status()).isEqualTo(200);

        assertThat(admin.delete("/api/v1/tokens/" + tokenId).status()).isEqualTo(204);

        ApiClient.Response refused = integration.get("/api/v1/me");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aDisabledStaffMembersTokensStopWorking() {
        long staffId = admin.post("/api/v1/staff", """
                {"username": "%s", "displayName": "离职员工", "roleIds": [%d], "password": "Leaving-2026"}"""
                .formatted(StaffApiTest.unique("leaver"), Lookups.roleId(admin, "AGENT"))).json().get("id").asLong();
        ApiClient leaver = new ApiClient(port, issue("leaver", staffId).get("secret").asString());
        assertThat(leaver.get("/api/v1/me").status()).isEqualTo(200);

        admin.patch("/api/v1/staff/" + staffId, "{\"enabled\": false}");

        assertThat(leaver.get("/api/v1/me").status()).isEqualTo(401);
    }

    @Test
    void changesWrittenElsewhereApplyToTheNextCall() {
        long roleId = admin.post("/api/v1/roles", """
                {"code": "%s", "name": "外部审计", "dataScope": "OWN", "permissions": ["AUDIT_READ"]}"""
                .formatted("EXT_" + Long.toString(System.nanoTime(), 36).toUpperCase())).json().get("id").asLong();
        long staffId = admin.post("/api/v1/staff", """
                {"username": "%s", "displayName": "外审", "roleIds": [%d], "password": "Outside-2026"}"""
                .formatted(StaffApiTest.unique("outside"), roleId)).json().get("id").asLong();
        JsonNode issued = issue("outside", staffId);
        ApiClient outside = new ApiClient(port, issued.get("secret").asString());
        assertThat(outside.get("/api/v1/audit?limit=1").status()).isEqualTo(200);

        // Written straight into the database, as another node (or an operator) would: this node is not told.
        jdbc.sql("DELETE FROM role_permission WHERE role_id = ?").param(roleId).update();
        assertThat(outside.get("/api/v1/audit?limit=1").status()).isEqualTo(403);

        jdbc.sql("UPDATE staff SET locked_until = now() + interval '2 seconds' WHERE id = ?").param(staffId).update();
        assertThat(outside.get("/api/v1/me").status()).isEqualTo(401);
        // The lock ends with time alone, nothing written.
        await().atMost(Duration.ofSeconds(10)).until(() -> outside.get("/api/v1/me").status() == 200);

        jdbc.sql("UPDATE api_token SET revoked_at = now() WHERE id = ?").param(issued.get("token").get("id").asLong())
                .update();
        assertThat(outside.get("/api/v1/me").status()).isEqualTo(401);
    }

    private JsonNode issue(String name, long staffId) {
        ApiClient.Response answer = admin.post("/api/v1/tokens",
                "{\"name\": \"%s\", \"staffId\": %d}".formatted(name, staffId));
        assertThat(answer.status()).isEqualTo(201);
        return answer.json();
    }

}
