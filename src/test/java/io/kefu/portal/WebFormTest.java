package io.kefu.portal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.kefu.ApiClient;
import io.kefu.KefuTest;
import io.kefu.TestAccounts;
import io.kefu.WebSession;
import io.kefu.customer.CustomerDirectory;
import io.kefu.customer.IdentityKind;
import io.kefu.notification.Mailbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mail.javamail.JavaMailSender;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The public web form: tickets from anyone for the customer she is, and spam refused before anything is stored. */
@KefuTest
class WebFormTest {

    private static final Pattern NUMBER = Pattern.compile("id=\"webFormTicketNumber\">#(\\d+)<");

    @LocalServerPort
    int port;
    @Autowired
    JavaMailSender mailSender;
    @Autowired
    CustomerDirectory customers;

    Mailbox mailbox;
    ApiClient admin;

    @BeforeEach
    void setUp() {
        mailbox = Mailbox.startFor(mailSender);
        admin = new ApiClient(port, TestAccounts.BOOTSTRAP_TOKEN);
    }

    @AfterEach
    void stopMailServer() {
        mailbox.close();
    }

    @Test
    void theFormOpensAWebTicketAndTheSameEmailLandsOnTheSameCustomer() {
        String email = Customers.uniqueEmail("form");
        long first = submitted(Customers.session(port), form("韩梅", email, "", "发票抬头错了", "请改为某某公司"));
        long second = submitted(Customers.session(port), form("韩梅梅", email.toUpperCase(), "", "还想问一下",
                "发票什么时候寄出"));

        JsonNode ticket = admin.get("/api/v1/tickets/" + first).json();
        assertThat(ticket.get("channel").asString()).isEqualTo("WEB");
        assertThat(ticket.get("subject").asString()).isEqualTo("发票抬头错了");
        long customerId = customers.findByIdentity(IdentityKind.EMAIL, email).orElseThrow();
        assertThat(ticket.get("customerId").asLong()).isEqualTo(customerId);
        assertThat(admin.get("/api/v1/tickets/" + second).json().get("customerId").asLong()).isEqualTo(customerId);

        // Each request is confirmed by mail (an outbox retry may deliver the two in either order); a confirmation's
        // link verifies her email and shows her both requests.
        String confirmations = Customers.awaitMail(mailbox, email, 2) + Customers.awaitMail(mailbox, email, 1);
        assertThat(confirmations).contains("#" + first).contains("#" + second);
        WebSession portal = Customers.session(port);
        assertThat(Customers.follow(portal, Customers.awaitLink(mailbox, email, 1)).location()).endsWith("/portal");
        assertThat(portal.get("/portal").body()).contains("发票抬头错了", "还想问一下");
    }

    @Test
    void aPhoneAloneIsEnoughButNeitherIsRefused() {
        String phone = "139" + String.format("%08d", System.nanoTime() % 100_000_000L);
        long id = submitted(Customers.session(port), form("许刚", "", phone, "停机了", "手机突然停机"));
        assertThat(admin.get("/api/v1/tickets/" + id).json().get("customerId").asLong())
                .isEqualTo(customers.findByIdentity(IdentityKind.PHONE, phone).orElseThrow());

        WebSession.Page refused = post(Customers.session(port), form("许刚", "", "", "停机了", "手机突然停机"));
        assertThat(refused.body()).contains("请填写邮箱或手机号").doesNotContain("webFormSent");
    }

    @Test
    void aFilledHoneypotOrARobotFastPostIsRefusedAndStoresNothing() {
        String trapped = Customers.uniqueEmail("honeypot");
        Map<String, String> bot = form("机器人", trapped, "", "广告", "便宜药品");
        bot.put("website", "http://spam.example");
        assertThat(post(Customers.session(port), bot).body()).contains("请不要使用自动填表工具");

        String fast = Customers.uniqueEmail("fast");
        WebSession session = Customers.session(port);
        session.get("/portal/form");
        Map<String, String> hurried = form("机器人", fast, "", "广告", "便宜药品");
        hurried.put("shownAt", String.valueOf(System.currentTimeMillis()));
        assertThat(session.post("/portal/form", hurried).body()).contains("提交过快");

        assertThat(customers.findByIdentity(IdentityKind.EMAIL, trapped)).isEmpty();
        assertThat(customers.findByIdentity(IdentityKind.EMAIL, fast)).isEmpty();
    }

    @Test
    void oneAddressOrOneEmailMayOnlySendSoManyAndTheNextIsRefusedWithoutATrace() {
        String address = Customers.uniqueAddress();
        for (int i = 0; i < 5; i++) {
            submitted(new WebSession(port).from(address), form("刷单", Customers.uniqueEmail("burst"), "", "第" + i,
                    "内容"));
        }
        String sixth = Customers.uniqueEmail("sixth");
        WebSession.Page refused = post(new WebSession(port).from(address), form("刷单", sixth, "", "第六", "内容"));
        assertThat(refused.body()).contains("提交次数过多").doesNotContain("webFormSent");
        assertThat(customers.findByIdentity(IdentityKind.EMAIL, sixth)).isEmpty();

        String email = Customers.uniqueEmail("same");
        for (int i = 0; i < 5; i++) {
            submitted(Customers.session(port), form("同一人", email, "", "问题" + i, "内容"));
        }
        assertThat(post(Customers.session(port), form("同一人", email, "", "问题六", "内容")).body())
                .contains("提交次数过多");
    }

    @Test
    void onlyTheFormMayBeFramedAndOnlyByTheConfiguredSites() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/portal/form")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(form.headers().firstValue("Content-Security-Policy")).get().asString()
                .endsWith("frame-ancestors 'self' https://shop.example.com");
        assertThat(form.headers().firstValue("X-Frame-Options")).isEmpty();
        assertThat(form.headers().firstValue("Set-Cookie")).isEmpty();
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/portal/login")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.headers().firstValue("Content-Security-Policy")).get().asString()
                .endsWith("frame-ancestors 'self'");
    }

    private static Map<String, String> form(String name, String email, String phone, String subject,
                                            String description) {
        Map<String, String> fields = new HashMap<>(Map.of("name", name, "email", email, "phone", phone,
                "subject", subject, "description", description, "website", ""));
        // Shown a while ago, as a person takes time to fill it in.
        fields.put("shownAt", String.valueOf(System.currentTimeMillis() - 10_000));
        return fields;
    }

    private static WebSession.Page post(WebSession session, Map<String, String> fields) {
        session.get("/portal/form");
        return session.post("/portal/form", fields);
    }

    private static long submitted(WebSession session, Map<String, String> fields) {
        WebSession.Page page = post(session, fields);
        Matcher number = NUMBER.matcher(page.body());
        assertThat(number.find()).as(page.body()).isTrue();
        return Long.parseLong(number.group(1));
    }
}
