package io.kefu.channel;

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

/** Administrators set up channels; their secrets are shown once; nobody else may. */
@KefuTest
class ChannelAdminTest {

    @LocalServerPort
    int port;

    ApiClient admin;

    @BeforeEach
    void setUp() {
        admin = new ApiClient(port, TestAccounts.BOOTSTRAP_TOKEN);
    }

    @Test
    void secretsAreShownWhenMadeAndNeverAgain() {
        TestChannels.Made made = TestChannels.create(admin, "WEIBO", "MEMBER_NO", "https://bridge.example/weibo");

        JsonNode channel = admin.get("/api/v1/channels/" + made.id()).json();
        String listed = admin.get("/api/v1/channels").body();

        assertThat(made.inboundSecret()).startsWith("kefu_whsec_").isNotEqualTo(made.connectorSecret());
        assertThat(channel.get("kind").asString()).isEqualTo("WEIBO");
        assertThat(channel.get("inboundPath").asString()).isEqualTo("/api/v1/channels/" + made.id() + "/inbound");
        assertThat(channel.toString() + listed).doesNotContain(made.inboundSecret(), made.connectorSecret());
        JsonNode rotated = admin.post("/api/v1/channels/" + made.id() + "/connector-secret", "").json();
        assertThat(rotated.get("connectorSecret").asString()).isNotEqualTo(made.connectorSecret());
        assertThat(rotated.get("inboundSecret").isNull()).isTrue();
    }

    @Test
    void aChannelIsAddedOnThePageAndItsSecretsAppearOnlyOnTheNextPage() {
        WebSession session = new WebSession(port);
        session.signIn(TestAccounts.ADMIN, TestAccounts.PASSWORD);
        session.get("/admin/channels/new");

        WebSession.Page created = session.post("/admin/channels", Map.of("name", "官方公众号 " + System.nanoTime(),
                "kind", "WECHAT_OFFICIAL_ACCOUNT", "identityKind", "WECHAT_OPENID",
                "connectorUrl", "https://bridge.example/wechat", "enabled", "true"));
        assertThat(created.status()).isEqualTo(302);
        String shown = session.get(created.location()).body();
        String again = session.get(created.location()).body();

        assertThat(shown).contains("id=\"inboundSecret\"", "id=\"connectorSecret\"", "kefu_whsec_");
        assertThat(again).doesNotContain("kefu_whsec_").contains("https://bridge.example/wechat");
        assertThat(session.get("/admin/channels").body()).contains("官方公众号");
    }

    @Test
    void badSettingsAreRefusedOnTheirField() {
        TestChannels.Made made = TestChannels.create(admin, "OTHER", "EMAIL", null);
        String name = admin.get("/api/v1/channels/" + made.id()).json().get("name").asString();

        ApiClient.Response taken = admin.inLanguage("en").post("/api/v1/channels", """
                {"name": "%s", "kind": "OTHER", "identityKind": "EMAIL"}""".formatted(name));
        ApiClient.Response badUrl = admin.inLanguage("en").post("/api/v1/channels", """
                {"name": "x %d", "kind": "APP", "identityKind": "APP_USER_ID", "connectorUrl": "ftp://x"}"""
                .formatted(System.nanoTime()));
        ApiClient.Response idCard = admin.post("/api/v1/channels", """
                {"name": "y %d", "kind": "APP", "identityKind": "ID_NUMBER"}""".formatted(System.nanoTime()));

        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.json().get("field").asString()).isEqualTo("name");
        assertThat(badUrl.status()).isEqualTo(400);
        assertThat(badUrl.json().get("field").asString()).isEqualTo("connectorUrl");
        assertThat(idCard.status()).isEqualTo(400);
        assertThat(idCard.json().get("field").asString()).isEqualTo("identityKind");
    }

    @Test
    void aRoleWithoutChannelManageIsRefused() {
        ApiClient supervisor = new ApiClient(port,
                Lookups.tokenFor(admin, Lookups.staffId(admin, TestAccounts.SUPERVISOR)));
        WebSession page = new WebSession(port);
        page.signIn(TestAccounts.SUPERVISOR, TestAccounts.PASSWORD);

        assertThat(supervisor.get("/api/v1/channels").status()).isEqualTo(403);
        assertThat(supervisor.post("/api/v1/channels", "{\"name\": \"x\", \"kind\": \"APP\", "
                + "\"identityKind\": \"APP_USER_ID\"}").status()).isEqualTo(403);
        assertThat(page.get("/admin/channels").status()).isEqualTo(403);
        assertThat(page.get("/").body()).doesNotContain("/admin/channels");
    }
}
