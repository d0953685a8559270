package io.kefu.platform;

import io.kefu.KefuApplication;
import io.kefu.KefuTest;
import io.kefu.TestAccounts;
import io.kefu.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** Two application nodes on one database behave as one: a session begun on one is honoured by the other. */
@KefuTest
class TwoNodesTest {

    @LocalServerPort
    int port;

    @Test
    void aSignInOnOneNodeIsValidOnTheOther() {
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(KefuApplication.class)
                .profiles("test")
                .properties("server.port=0")
                .run()) {
            int secondPort = Integer.parseInt(second.getEnvironment().getProperty("local.server.port"));
            // Cookies are kept per host, not per port: one browser talking to two nodes behind a balancer.
            WebSession browser = new WebSession(port);
            browser.signIn(TestAccounts.SUPERVISOR, TestAccounts.PASSWORD);

            WebSession.Page onSecondNode = browser.get("http://localhost:" + secondPort + "/admin/staff");

            assertThat(onSecondNode.status()).isEqualTo(200);
            assertThat(onSecondNode.body()).contains("王芳");
        }
    }
}
