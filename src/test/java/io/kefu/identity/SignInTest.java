package io.kefu.identity;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.kefu.ApiClient;
import io.kefu.KefuTest;
import io.kefu.Lookups;
import io.kefu.TestAccounts;
import io.kefu.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Sign-in, lockout after repeated failures, the admin's reset that lets a colleague back in, sign-out. */
@KefuTest
class SignInTest {

    @LocalServerPort
    int port;

    @Test
    void fiveWrongPasswordsLockTheAccountUntilAnAdministratorResetsIt() {
        ApiClient admin = new ApiClient(port, TestAccounts.BOOTSTRAP_TOKEN);
        String username = StaffApiTest.unique("lock");
        long id = admin.post("/api/v1/staff", """
                {"username": "%s", "displayName": "锁定测试", "roleIds": [%d], "password": "Right-Pass-2026"}"""
                .formatted(username, Lookups.roleId(admin, "AGENT"))).json().get("id").asLong();

        for (int attempt = 0; attempt < 5; attempt++) {
            assertThat(new WebSession(port).signIn(username, "wrong-pass-1").location()).contains("/login?error");
        }

        WebSession locked = new WebSession(port);
        assertThat(locked.signIn(username, "Right-Pass-2026").location()).contains("/login?error");
        assertThat(locked.get("/login?error").body()).contains("账户已锁定");
        assertThat(admin.get("/api/v1/staff/" + id).json().get("locked").asBoolean()).isTrue();
        assertThat(admin.get("/api/v1/audit?action=auth.locked&actor=" + username).json()).hasSize(1);

        admin.post("/api/v1/staff/" + id + "/password", "{\"password\": \"After-Reset-2026\"}");

        assertThat(new WebSession(port).signIn(username, "After-Reset-2026").location()).doesNotContain("error");
    }

    @Test
    void wrongPasswordSaysSoWithoutRevealingWhetherTheUserExists() {
        WebSession session = new WebSession(port);

        assertThat(session.signIn("nobody-here", "whatever-123").location()).contains("/login?error");
        String unknownUser = session.get("/login?error").body();
        session.signIn(TestAccounts.AGENT, "wrong-pass-123");
        String wrongPassword = session.get("/login?error").body();

        assertThat(unknownUser).contains("用户名或密码不正确");
        assertThat(wrongPassword).contains("用户名或密码不正确");
    }

    @Test
    void signOutEndsTheSessionAndIsAudited() {
        WebSession session = new WebSession(port);
        session.signIn(TestAccounts.SUPERVISOR, TestAccounts.PASSWORD);
        assertThat(session.get("/").status()).isEqualTo(200);

        WebSession.Page out = session.post("/logout", Map.of());

        assertThat(out.location()).endsWith("/login?logout");
        assertThat(session.get("/").location()).endsWith("/login");
        JsonNode entries = new ApiClient(port, TestAccounts.BOOTSTRAP_TOKEN)
                .get("/api/v1/audit?action=auth.logout&actor=" + TestAccounts.SUPERVISOR).json();
        assertThat(entries.size()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void staffChangeTheirOwnPasswordOnlyWithTheCurrentOne() {
        ApiClient admin = new ApiClient(port, TestAccounts.BOOTSTRAP_TOKEN);
        String username = StaffApiTest.unique("self");
        admin.post("/api/v1/staff", """
                {"username": "%s", "displayName": "自助", "roleIds": [%d], "password": "First-Pass-2026"}"""
                .formatted(username, Lookups.roleId(admin, "AGENT")));
        WebSession session = new WebSession(port);
        session.signIn(username, "First-Pass-2026");
        session.get("/profile");

        WebSession.Page refused = session.post("/profile/password", Map.of("currentPassword", "not-it-2026",
                "newPassword", "Second-Pass-2026", "confirmPassword", "Second-Pass-2026"));
        assertThat(refused.body()).contains("当前密码不正确");

        WebSession.Page changed = session.post("/profile/password", Map.of("currentPassword", "First-Pass-2026",
                "newPassword", "Second-Pass-2026", "confirmPassword", "Second-Pass-2026"));
        assertThat(changed.location()).endsWith("/profile");
        assertThat(new WebSession(port).signIn(username, "Second-Pass-2026").location()).doesNotContain("error");
    }

    @Test
    void disablingOrChangingRolesEndsTheStaffMembersOpenSessions() {
        ApiClient admin = new ApiClient(port, TestAccounts.BOOTSTRAP_TOKEN);
        long agentRole = Lookups.roleId(admin, "AGENT");
        String username = StaffApiTest.unique("session");
        long id = admin.post("/api/v1/staff", """
                {"username": "%s", "displayName": "会话测试", "roleIds": [%d], "password": "Session-Pass-2026"}"""
                .formatted(username, agentRole)).json().get("id").asLong();
        WebSession session = new WebSession(port);
        session.signIn(username, "Session-Pass-2026");
        assertThat(session.get("/profile").status()).isEqualTo(200);
        WebSession untouched = new WebSession(port);
        untouched.signIn(TestAccounts.AGENT, TestAccounts.PASSWORD);

        admin.patch("/api/v1/staff/" + id, "{\"enabled\": false}");

        assertThat(session.get("/profile").location()).endsWith("/login");
        assertThat(new WebSession(port).signIn(username, "Session-Pass-2026").location()).contains("error");
        assertThat(untouched.get("/profile").status()).isEqualTo(200);
    }

    @Test
    void theSessionStoredInTheDatabaseHoldsNoPasswordHash(@Autowired JdbcClient jdbc) {
        new WebSession(port).signIn(TestAccounts.QUALITY_INSPECTOR, TestAccounts.PASSWORD);

        List<byte[]> attributes = jdbc.sql("""
                SELECT a.attribute_bytes FROM spring_session_attributes a
                JOIN spring_session s ON s.primary_id = a.session_primary_id
                WHERE s.principal_name = ?""").param(TestAccounts.QUALITY_INSPECTOR).query(byte[].class).list();

        assertThat(attributes).isNotEmpty();
        assertThat(attributes).allSatisfy(bytes ->
                assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).doesNotContain("{bcrypt}"));
    }

}
