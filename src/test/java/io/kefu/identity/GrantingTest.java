package io.kefu.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.kefu.ApiClient;
import io.kefu.KefuTest;
import io.kefu.Lookups;
import io.kefu.TestAccounts;
import io.kefu.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Nobody hands out more than she holds, and guesses sent in parallel are all counted. */
@KefuTest
class GrantingTest {

    @LocalServerPort
    int port;

    ApiClient admin;

    @BeforeEach
    void setUp() {
        admin = new ApiClient(port, TestAccounts.BOOTSTRAP_TOKEN);
    }

    @Test
    void aStaffManagerCannotMakeHerselfAdministrator() {
        ApiClient manager = memberWith("STAFF_READ", "STAFF_MANAGE");
        long self = manager.get("/api/v1/me").json().get("id").asLong();

        ApiClient.Response answer = manager.patch("/api/v1/staff/" + self,
                "{\"roleIds\": [" + Lookups.roleId(admin, "ADMINISTRATOR") + "]}");

        assertThat(answer.status()).isEqualTo(403);
        assertThat(manager.get("/api/v1/me").json().get("roles").toString()).doesNotContain("ADMINISTRATOR");
    }

    @Test
    void aRoleManagerCannotWidenHerOwnRole() {
        ApiClient roleManager = memberWith("ROLE_MANAGE");
        String code = roleManager.get("/api/v1/me").json().get("roles").get(0).asString();

        ApiClient.Response answer = roleManager.put("/api/v1/roles/" + Lookups.roleId(admin, code),
                "{\"name\": \"x\", \"dataScope\": \"ALL\", \"permissions\": [\"ROLE_MANAGE\", \"STAFF_MANAGE\"]}");

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.json().get("field").asString()).isEqualTo("permissions");
    }

    @Test
    void aTokenManagerCannotMakeATokenThatActsAsTheAdministrator() {
        ApiClient tokenManager = memberWith("API_TOKEN_MANAGE");
        long adminId = admin.get("/api/v1/me").json().get("id").asLong();

        assertThat(tokenManager.post("/api/v1/tokens", "{\"name\": \"x\", \"staffId\": " + adminId + "}").status())
                .isEqualTo(403);
        assertThat(tokenManager.post("/api/v1/tokens", "{\"name\": \"mine\"}").status()).isEqualTo(201);
    }

    @Test
    void anAdministratorMayBeDisabledWhileAnotherRemains() {
        long second = admin.post("/api/v1/staff", """
                {"username": "%s", "displayName": "第二管理员", "roleIds": [%d], "password": "Second-Admin-2026"}"""
                .formatted(StaffApiTest.unique("adm"), Lookups.roleId(admin, "ADMINISTRATOR"))).json().get("id")
                .asLong();

        assertThat(admin.patch("/api/v1/staff/" + second, "{\"enabled\": false}").status()).isEqualTo(200);
    }

    @Test
    void wrongPasswordsSentAtOnceAreAllCountedAndNoneFails() throws Exception {
        String username = StaffApiTest.unique("burst");
        admin.post("/api/v1/staff", """
                {"username": "%s", "displayName": "并发测试", "roleIds": [%d], "password": "Burst-Pass-2026"}"""
                .formatted(username, Lookups.roleId(admin, "AGENT")));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<CompletableFuture<Integer>> attempts = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            attempts.add(CompletableFuture.supplyAsync(
                    () -> new WebSession(port).signIn(username, "wrong-pass-9").status(), pool));
        }
        for (CompletableFuture<Integer> attempt : attempts) {
            assertThat(attempt.get()).isEqualTo(302);
        }
        pool.shutdown();

        assertThat(new WebSession(port).signIn(username, "Burst-Pass-2026").location()).contains("error");
        assertThat(admin.get("/api/v1/audit?action=auth.loginFailed&limit=200&actor=" + username).json().size())
                .isGreaterThanOrEqualTo(12);
    }

    /** A staff member holding one custom role with exactly these permissions, and her token. */
    private ApiClient memberWith(String... permissions) {
        String code = "R" + Long.toString(System.nanoTime(), 36).toUpperCase();
        long role = admin.post("/api/v1/roles", "{\"code\": \"%s\", \"name\": \"%s\", \"dataScope\": \"OWN\", "
                .formatted(code, code) + "\"permissions\": [\"" + String.join("\", \"", permissions) + "\"]}")
                .json().get("id").asLong();
        long staffId = admin.post("/api/v1/staff", """
                {"username": "%s", "displayName": "受限管理", "roleIds": [%d], "password": "Limited-Pass-2026"}"""
                .formatted(StaffApiTest.unique("lim"), role)).json().get("id").asLong();
        return new ApiClient(port, admin.post("/api/v1/tokens", "{\"name\": \"t\", \"staffId\": " + staffId + "}")
                .json().get("secret").asString());
    }
}
