package io.kefu.portal;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.kefu.ApiClient;
import io.kefu.KefuTest;
import io.kefu.Lookups;
import io.kefu.TestAccounts;
import io.kefu.WebSession;
import io.kefu.notification.Mailbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mail.javamail.JavaMailSender;

import static org.assertj.core.api.Assertions.assertThat;

/** A signed-in customer's tickets: her requests, the conversation without notes, replies, ratings, and only hers. */
@KefuTest
class PortalTicketsTest {

    private static final Pattern TICKET_URL = Pattern.compile("/portal/tickets/(\\d+)$");

    @LocalServerPort
    int port;
    @Autowired
    JavaMailSender mailSender;

    Mailbox mailbox;
    ApiClient agent;

    @BeforeEach
    void setUp() {
        mailbox = Mailbox.startFor(mailSender);
        ApiClient admin = new ApiClient(port, TestAccounts.BOOTSTRAP_TOKEN);
        agent = new ApiClient(port, Lookups.tokenFor(admin, Lookups.staffId(admin, TestAccounts.AGENT)));
    }

    @AfterEach
    void stopMailServer() {
        mailbox.close();
    }

    @Test
    void sheOpensARequestSeesPublicRepliesButNoNotesAndIsToldOfTheReplyByEmail() {
        String email = Customers.uniqueEmail("tickets");
        WebSession customer = Customers.signedUp(port, mailbox, "郑洁", email);
        long id = open(customer, "热水器不加热", "昨天开始没有热水");

        agent.post("/api/v1/tickets/" + id + "/replies", "{\"body\":\"师傅明天上午上门检查\"}");
        agent.post("/api/v1/tickets/" + id + "/replies", "{\"body\":\"客户语气很急，优先处理\",\"internal\":true}");

        String page = customer.get("/portal/tickets/" + id).body();
        assertThat(page).contains("热水器不加热", "昨天开始没有热水", "师傅明天上午上门检查")
                .doesNotContain("客户语气很急");
        assertThat(customer.get("/portal").body()).contains("热水器不加热", "#" + id);
        String notice = Customers.awaitMail(mailbox, email, 2);
        assertThat(notice).contains("师傅明天上午上门检查", "/portal/tickets/" + id).doesNotContain("客户语气很急");

        WebSession.Page replied = customer.post("/portal/tickets/" + id + "/replies", Map.of("body", "好的，我在家"));
        assertThat(replied.location()).endsWith("/portal/tickets/" + id);
        assertThat(agent.get("/api/v1/tickets/" + id + "/articles").json().findValuesAsString("body"))
                .contains("好的，我在家");
        assertThat(agent.get("/api/v1/tickets/" + id).json().get("channel").asString()).isEqualTo("PORTAL");
    }

    @Test
    void anotherCustomersTicketDoesNotExistForHer() {
        WebSession owner = Customers.signedUp(port, mailbox, "冯涛", Customers.uniqueEmail("owner"));
        long id = open(owner, "账单有误", "多扣了 30 元");
        WebSession other = Customers.signedUp(port, mailbox, "陈晨", Customers.uniqueEmail("other"));

        assertThat(other.get("/portal/tickets/" + id).status()).isEqualTo(404);
        assertThat(other.post("/portal/tickets/" + id + "/replies", Map.of("body", "偷看")).status()).isEqualTo(404);
        assertThat(other.post("/portal/tickets/" + id + "/rating", Map.of("score", "1")).status()).isEqualTo(404);
        assertThat(other.get("/portal").body()).doesNotContain("账单有误");
        assertThat(agent.get("/api/v1/tickets/" + id + "/articles").json().findValuesAsString("body"))
                .doesNotContain("偷看");
    }

    @Test
    void sheRatesOnlyOnceAndOnlyWhenResolved() {
        WebSession customer = Customers.signedUp(port, mailbox, "褚红", Customers.uniqueEmail("rating"));
        long id = open(customer, "宽带慢", "晚上网速很慢");
        assertThat(customer.get("/portal/tickets/" + id).body()).doesNotContain("portalRating");

        customer.post("/portal/tickets/" + id + "/rating", Map.of("score", "5"));
        assertThat(customer.get("/portal/tickets/" + id).body()).contains("解决后才能评价").doesNotContain("portalRated");

        agent.post("/api/v1/tickets/" + id + "/transitions", "{\"action\": \"START\"}");
        agent.post("/api/v1/tickets/" + id + "/transitions", "{\"action\": \"RESOLVE\"}");
        assertThat(customer.get("/portal/tickets/" + id).body()).contains("portalRating", "已解决");

        customer.post("/portal/tickets/" + id + "/rating", Map.of("score", "4", "comment", "处理及时"));
        String rated = customer.get("/portal/tickets/" + id).body();
        assertThat(rated).contains("portalRated", "4 星").doesNotContain("id=\"portalRating\"");
        customer.post("/portal/tickets/" + id + "/rating", Map.of("score", "1"));
        assertThat(customer.get("/portal/tickets/" + id).body()).contains("已经评价过", "4 星");
        assertThat(agent.get("/api/v1/tickets/" + id + "/history").body()).contains("rating");
    }

    /** Submits a new request through the page and returns the id of the ticket it opened. */
    private static long open(WebSession customer, String subject, String description) {
        customer.get("/portal/tickets/new");
        WebSession.Page created = customer.post("/portal/tickets", Map.of("subject", subject,
                "description", description));
        Matcher id = TICKET_URL.matcher(String.valueOf(created.location()));
        assertThat(id.find()).as(created.body()).isTrue();
        return Long.parseLong(id.group(1));
    }
}
