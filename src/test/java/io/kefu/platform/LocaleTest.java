package io.kefu.platform;

import io.kefu.ApiClient;
import io.kefu.KefuTest;
import io.kefu.TestAccounts;
import io.kefu.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The UI speaks Chinese until switched, and the switch sticks; the API follows Accept-Language. */
@KefuTest
class LocaleTest {

    @LocalServerPort
    int port;

    @Test
    void theUiIsChineseByDefaultAndEnglishOnceSwitched() {
        WebSession session = new WebSession(port);
        session.signIn(TestAccounts.ADMIN, TestAccounts.PASSWORD);
        assertThat(session.get("/").body()).contains("员工", "退出登录");

        session.get("/?lang=en");

        assertThat(session.get("/admin/staff").body()).contains("Staff", "Sign out").doesNotContain("退出登录");
        session.get("/profile?lang=zh-CN");
        assertThat(session.get("/").body()).contains("退出登录");
    }

    @Test
    void theApiAnswersInTheRequestedLanguageAndDefaultsToChinese() {
        ApiClient api = new ApiClient(port, TestAccounts.BOOTSTRAP_TOKEN);

        assertThat(api.inLanguage("en").get("/api/v1/staff/777777").json().get("title").asString())
                .isEqualTo("Not found");
        assertThat(api.get("/api/v1/staff/777777").json().get("title").asString()).isEqualTo("未找到");
        assertThat(api.inLanguage("fr-FR").get("/api/v1/staff/777777").json().get("title").asString())
                .isEqualTo("未找到");
    }

    @Test
    void errorsOutsideControllersAreLocalisedProblemsToo() {
        ApiClient api = new ApiClient(port, TestAccounts.BOOTSTRAP_TOKEN).inLanguage("en");

        ApiClient.Response unknown = api.get("/api/v1/no-such-thing");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(unknown.json().get("instance").asString()).isEqualTo("/api/v1/no-such-thing");

        ApiClient.Response wrongMethod = api.send("PUT", "/api/v1/me", "{}");
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.json().get("title").asString()).isEqualTo("Method not allowed");
    }

    @Test
    void anUnknownPageIsTheFriendlyErrorPage() {
        WebSession session = new WebSession(port);
        session.signIn(TestAccounts.AGENT, TestAccounts.PASSWORD);

        WebSession.Page missing = session.get("/no-such-page");

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body()).contains("页面不存在", "回到首页");
    }
}
