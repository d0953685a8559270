package io.kefu.ticket;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.kefu.ApiClient;
import io.kefu.KefuTest;
import io.kefu.Lookups;
import io.kefu.TestAccounts;
import io.kefu.WebSession;
import io.kefu.customer.CustomerDirectory;
import io.kefu.customer.CustomerIdentity;
import io.kefu.customer.IdentityKind;
import io.kefu.identity.StaffPrincipal;
import io.kefu.platform.DomainException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Customers' messages from channels reaching tickets, and what the customer sees of her tickets. */
@KefuTest
class TicketInboxTest {

    @LocalServerPort
    int port;
    @Autowired
    TicketInbox inbox;
    @Autowired
    CustomerTickets customerTickets;
    @Autowired
    CustomerDirectory customers;
    @Autowired
    TransactionTemplate transactions;

    ApiClient agent;
    long customerId;

    @BeforeEach
    void setUp() {
        ApiClient admin = new ApiClient(port, TestAccounts.BOOTSTRAP_TOKEN);
        agent = new ApiClient(port, Lookups.tokenFor(admin, Lookups.staffId(admin, TestAccounts.AGENT)));
        customerId = transactions.execute(status -> customers.resolveOrCreate("王芳",
                List.of(new CustomerIdentity(IdentityKind.PHONE, Tickets.uniquePhone())),
                StaffPrincipal.system("test")).id());
    }

    @Test
    void aFirstMessageOpensAnUnassignedTicketAndAnAnswerJoinsIt() {
        TicketInbox.Delivery first = receive(CustomerMessage.text(customerId, TicketChannel.WECHAT, null, null,
                "宽带从昨天开始断网\n麻烦尽快处理", "王芳"));
        TicketInbox.Delivery second = receive(CustomerMessage.text(customerId, TicketChannel.WECHAT,
                first.ticketId(), null, "今天还是不行", "王芳"));

        assertThat(first.openedTicket()).isTrue();
        assertThat(second.openedTicket()).isFalse();
        assertThat(second.ticketId()).isEqualTo(first.ticketId());
        JsonNode ticket = agent.get("/api/v1/tickets/" + first.ticketId()).json();
        assertThat(ticket.get("subject").asString()).isEqualTo("宽带从昨天开始断网");
        assertThat(ticket.get("channel").asString()).isEqualTo("WECHAT");
        assertThat(ticket.get("state").asString()).isEqualTo("NEW");
        assertThat(ticket.get("assigneeId").isNull()).isTrue();
        JsonNode articles = agent.get("/api/v1/tickets/" + first.ticketId() + "/articles").json();
        assertThat(articles.findValuesAsString("kind")).containsExactly("CUSTOMER_MESSAGE", "CUSTOMER_MESSAGE");
        assertThat(articles.findValuesAsString("channel")).containsOnly("WECHAT");
        assertThat(inbox.latestOpen(customerId, TicketChannel.WECHAT)).get()
                .extracting(TicketSummary::id).isEqualTo(first.ticketId());
        assertThat(inbox.latestOpen(customerId, TicketChannel.EMAIL)).isEmpty();
        JsonNode timeline = agent.get("/api/v1/customers/" + customerId + "/timeline").json();
        assertThat(timeline.findValuesAsString("kind")).contains("ticket.created", "ticket.customerMessage");
        assertThat(timeline.findValuesAsString("source")).contains("WECHAT");
        for (JsonNode entry : timeline) {
            if (entry.get("kind").asString().startsWith("ticket.")) {
                assertThat(entry.get("actorName").asString()).as(entry.toString()).isEqualTo("王芳");
            }
        }
    }

    @Test
    void aCustomerWithALongNameIsNamedOnHerTimelineAsFarAsItFits() {
        String longName = "北京市朝阳区某某某某科技发展有限公司".repeat(10);
        long longNamed = transactions.execute(status -> customers.resolveOrCreate(longName,
                List.of(new CustomerIdentity(IdentityKind.PHONE, Tickets.uniquePhone())),
                StaffPrincipal.system("test")).id());

        receive(CustomerMessage.text(longNamed, TicketChannel.WECHAT, null, null, "宽带断网了", null));

        JsonNode timeline = agent.get("/api/v1/customers/" + longNamed + "/timeline").json();
        assertThat(timeline.findValuesAsString("actorName")).contains(longName.substring(0, 100));
    }

    @Test
    void aChatMessageWithoutSubjectIsNamedByItsFirstSentence() {
        long id = receive(CustomerMessage.text(customerId, TicketChannel.WECHAT, null, null,
                "宽带从昨天晚上开始断网，光猫的 LOS 灯一直红色闪烁，重启了好几次也没用。", null)).ticketId();
        long shortOne = receive(CustomerMessage.text(customerId, TicketChannel.APP, null, null,
                "WiFi 密码忘记了，怎么重新设置？", null)).ticketId();

        assertThat(agent.get("/api/v1/tickets/" + id).json().get("subject").asString()).isEqualTo("宽带从昨天晚上开始断网");
        assertThat(agent.get("/api/v1/tickets/" + shortOne).json().get("subject").asString())
                .isEqualTo("WiFi 密码忘记了，怎么重新设置");
    }

    @Test
    void anAnswerReopensAResolvedTicketAndAnAnswerToAClosedOneOpensANewTicket() {
        long id = receive(CustomerMessage.text(customerId, TicketChannel.APP, null, "账单疑问", "为什么多扣了钱",
                null)).ticketId();
        Tickets.act(agent, id, "START");
        Tickets.act(agent, id, "RESOLVE");

        receive(CustomerMessage.text(customerId, TicketChannel.APP, id, null, "还是没退款", null));
        assertThat(agent.get("/api/v1/tickets/" + id).json().get("state").asString()).isEqualTo("IN_PROGRESS");

        Tickets.act(agent, id, "RESOLVE");
        Tickets.act(agent, id, "CLOSE");
        TicketInbox.Delivery late = receive(CustomerMessage.text(customerId, TicketChannel.APP, id, "账单疑问",
                "又多扣了", null));
        assertThat(late.openedTicket()).isTrue();
        assertThat(late.ticketId()).isNotEqualTo(id);
    }

    @Test
    void htmlIsSanitisedAndFilesAreKeptOnTheirMessage() {
        byte[] image = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0};
        CustomerMessage mail = new CustomerMessage(customerId, TicketChannel.EMAIL, null, "发票",
                "", "<p onclick=\"steal()\">请开发票<script>alert(1)</script><img src=\"cid:logo@x\">"
                        + "<img src=\"https://tracker.example/pixel.gif\"></p>", "> 上一封邮件", "王芳",
                List.of(new MessageFile("发票信息.txt", "text/plain", "抬头：某公司".getBytes(StandardCharsets.UTF_8),
                        null), new MessageFile("logo.png", "image/png", image, "<logo@x>")));

        long id = receive(mail).ticketId();

        JsonNode article = agent.get("/api/v1/tickets/" + id + "/articles").json().get(0);
        assertThat(article.get("html").asString()).contains("请开发票", "cid:logo@x")
                .doesNotContain("script", "onclick", "tracker.example");
        assertThat(article.get("body").asString()).isEqualTo("请开发票");
        assertThat(article.get("quoted").asString()).isEqualTo("> 上一封邮件");
        JsonNode files = agent.get("/api/v1/tickets/" + id + "/attachments").json();
        assertThat(files.findValuesAsString("fileName")).containsExactlyInAnyOrder("发票信息.txt", "logo.png");
        assertThat(files.findValuesAsString("contentType")).contains("image/png");
        WebSession session = new WebSession(port);
        session.signIn(TestAccounts.AGENT, TestAccounts.PASSWORD);
        String page = session.get("/tickets/" + id).body();
        assertThat(page).containsPattern("<img src=\"/tickets/" + id + "/attachments/\\d+\"");
        CustomerTickets.Entry seenByCustomer = customerTickets.conversation(customerId, id).orElseThrow()
                .entries().get(0);
        assertThat(seenByCustomer.htmlWithInlineImages(fileId -> "/portal/files/" + fileId))
                .containsPattern("<img src=\"/portal/files/\\d+\"");
    }

    @Test
    void theCustomerSeesHerConversationWithoutNotesAndRatesOnceResolved() {
        long id = receive(CustomerMessage.text(customerId, TicketChannel.PORTAL, null, "预约维修", "空调不制冷",
                null)).ticketId();
        agent.post("/api/v1/tickets/" + id + "/replies", "{\"body\":\"明天上午上门\"}");
        agent.post("/api/v1/tickets/" + id + "/replies", "{\"body\":\"客户脾气急\",\"internal\":true}");

        CustomerTickets.Conversation conversation = customerTickets.conversation(customerId, id).orElseThrow();
        assertThat(conversation.entries()).extracting(CustomerTickets.Entry::text)
                .containsExactly("空调不制冷", "明天上午上门");
        assertThat(conversation.entries()).extracting(CustomerTickets.Entry::fromCustomer).containsExactly(true, false);
        assertThat(conversation.ratable()).isFalse();
        assertThat(customerTickets.conversation(customerId + 1_000_000, id)).isEmpty();
        assertThatThrownBy(() -> customerTickets.rate(customerId, id, 5, null)).isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).messageKey()).isEqualTo("ticket.ratingWhileOpen");

        Tickets.act(agent, id, "START");
        Tickets.act(agent, id, "RESOLVE");
        customerTickets.rate(customerId, id, 4, "师傅很准时");

        assertThat(customerTickets.conversation(customerId, id).orElseThrow().rating().score()).isEqualTo(4);
        assertThatThrownBy(() -> customerTickets.rate(customerId, id, 5, null))
                .extracting(e -> ((DomainException) e).messageKey()).isEqualTo("ticket.alreadyRated");
        assertThat(customerTickets.of(customerId, 10)).extracting(TicketSummary::id).containsExactly(id);
    }

    private TicketInbox.Delivery receive(CustomerMessage message) {
        return transactions.execute(status -> inbox.receive(message));
    }
}
