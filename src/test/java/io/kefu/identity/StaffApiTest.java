package io.kefu.identity;

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

/** Managing staff through the REST API, with the refusals an integrator meets. */
@KefuTest
class StaffApiTest {

    @LocalServerPort
    int port;

    ApiClient admin;
    long agentRoleId;

    @BeforeEach
    void setUp() {
        admin = new ApiClient(port, TestAccounts.BOOTSTRAP_TOKEN);
        agentRoleId = Lookups.roleId(admin, "AGENT");
    }

    @Test
    void createdStaffMemberCanSignInAndIsAudited() {
        String username = unique("xiaohong");
        ApiClient.Response created = admin.post("/api/v1/staff", """
                {"username": "%s", "displayName": "小红", "email": "xh@example.cn", "roleIds": [%d],
                 "password": "Service-2026-ok"}""".formatted(username, agentRoleId));

        assertThat(created.status()).isEqualTo(201);
        JsonNode body = created.json();
        assertThat(body.get("roles").get(0).asString()).isEqualTo("AGENT");
        assertThat(new WebSession(port).signIn(username, "Service-2026-ok").location()).doesNotContain("error");
        assertThat(admin.get("/api/v1/audit?action=staff.created&targetId=" + body.get("id").asLong()).json())
                .hasSize(1);
    }

    @Test
    void takenUsernameIsAConflictOnTheUsernameField() {
        ApiClient.Response answer = admin.post("/api/v1/staff", """
                {"username": "LIMING", "displayName": "另一个李明", "roleIds": [%d], "password": "Service-2026-ok"}"""
                .formatted(agentRoleId));

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("field").asString()).isEqualTo("username");
        assertThat(answer.json().get("detail").asString()).isEqualTo("用户名 LIMING 已被使用。");
    }

    @Test
    void weakPasswordsAreRefusedWithTheRuleInTheCallersLanguage() {
        String template = """
                {"username": "%s", "displayName": "测试", "roleIds": [%d], "password": "%s"}""";
        ApiClient english = admin.inLanguage("en-US,en;q=0.9");

        assertThat(english.post("/api/v1/staff", template.formatted(unique("a"), agentRoleId, "short1")).json()
                .get("detail").asString()).isEqualTo("The password needs at least 10 characters.");
        assertThat(english.post("/api/v1/staff", template.formatted(unique("b"), agentRoleId, "onlyletters")).json()
                .get("detail").asString()).isEqualTo("The password needs both letters and digits.");
        String username = unique("zhang");
        assertThat(admin.post("/api/v1/staff", template.formatted(username, agentRoleId, username + "12345")).json()
                .get("detail").asString()).isEqualTo("密码不能包含用户名。");
    }

    @Test
    void missingFieldsAreListedOneByOne() {
        ApiClient.Response answer = admin.inLanguage("en").post("/api/v1/staff", "{\"username\": \"x\"}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("errors").toString())
                .contains("displayName", "password", "roleIds", "must not be blank");
    }

    @Test
    void patchChangesOnlyTheFieldsSent() {
        long id = createAgent(unique("wang"));

        JsonNode patched = admin.patch("/api/v1/staff/" + id, "{\"phone\": \"13900001111\"}").json();

        assertThat(patched.get("phone").asString()).isEqualTo("13900001111");
        assertThat(patched.get("displayName").asString()).isEqualTo("临时员工");
        assertThat(patched.get("roles").get(0).asString()).isEqualTo("AGENT");
    }

    @Test
    void theLastActiveAdministratorCannotBeDisabled() {
        long adminId = admin.get("/api/v1/me").json().get("id").asLong();

        ApiClient.Response answer = admin.patch("/api/v1/staff/" + adminId, "{\"enabled\": false}");

        assertThat(answer.status()).isEqualTo(409);
        assertThat(admin.get("/api/v1/staff/" + adminId).json().get("enabled").asBoolean()).isTrue();
    }

    @Test
    void passwordResetReplacesTheOldPassword() {
        String username = unique("reset");
        long id = createAgent(username);

        assertThat(admin.post("/api/v1/staff/" + id + "/password", "{\"password\": \"Brand-New-2026\"}").status())
                .isEqualTo(204);

        assertThat(new WebSession(port).signIn(username, "Temporary-2026").location()).contains("error");
        assertThat(new WebSession(port).signIn(username, "Brand-New-2026").location()).doesNotContain("error");
    }

    @Test
    void unknownStaffIsA404ProblemAndAMalformedIdA400() {
        assertThat(admin.get("/api/v1/staff/424242").status()).isEqualTo(404);
        assertThat(admin.get("/api/v1/staff/abc").status()).isEqualTo(400);
        assertThat(admin.post("/api/v1/staff", "{not json").status()).isEqualTo(400);
    }

    private long createAgent(String username) {
        return admin.post("/api/v1/staff", """
                {"username": "%s", "displayName": "临时员工", "roleIds": [%d], "password": "Temporary-2026"}"""
                .formatted(username, agentRoleId)).json().get("id").asLong();
    }

    static String unique(String prefix) {
        return prefix + Long.toString(System.nanoTime(), 36);
    }
}
