package io.kefu.knowledge;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.kefu.KefuTest;
import io.kefu.TestAccounts;
import io.kefu.WebSession;
import io.kefu.customer.CustomerDirectory;
import io.kefu.customer.CustomerIdentity;
import io.kefu.customer.IdentityKind;
import io.kefu.identity.StaffPrincipal;
import io.kefu.knowledge.internal.ExpiryReminders;
import io.kefu.notification.Mailbox;
import io.kefu.ticket.CustomerMessage;
import io.kefu.ticket.TicketChannel;
import io.kefu.ticket.TicketInbox;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Knowledge from tickets (articles prefilled, difficult problems) and expiry reminders to the owner. */
@KefuTest
class TicketKnowledgeTest {

    @LocalServerPort
    int port;

    @Autowired
    TicketInbox inbox;

    @Autowired
    CustomerDirectory customers;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    ExpiryReminders reminders;

    @Autowired
    JavaMailSender mailSender;

    KnowledgeClients clients;

    @BeforeEach
    void clients() {
        clients = new KnowledgeClients(port);
    }

    private long ticketWithReply(String subject, String question, String answer) {
        long ticketId = transaction.execute(status -> {
            long customerId = customers.resolveOrCreate("赵敏", List.of(new CustomerIdentity(IdentityKind.EMAIL,
                    KnowledgeClients.unique("zhao") + "@example.com")), StaffPrincipal.system("test")).id();
            return inbox.receive(CustomerMessage.text(customerId, TicketChannel.APP, null, subject, question, "赵敏"))
                    .ticketId();
        });
        clients.agent.post("/api/v1/tickets/" + ticketId + "/replies", "{\"body\": \"" + answer + "\"}");
        clients.agent.post("/api/v1/tickets/" + ticketId + "/replies", "{\"body\": \"内部备注不外传\", \"internal\": true}");
        return ticketId;
    }

    @Test
    void anAgentWritesAnArticleFromATicketWithQuestionAndAnswerPrefilled() {
        long ticketId = ticketWithReply("流量用超了", "我的流量还剩多少？", "发送 CXLL 到 10086 即可查询剩余流量。");
        WebSession agent = new WebSession(port);
        agent.signIn(TestAccounts.AGENT, TestAccounts.PASSWORD);

        assertThat(agent.get("/tickets/" + ticketId).body())
                .contains("/knowledge/articles/new?fromTicket=" + ticketId);
        String editor = agent.get("/knowledge/articles/new?fromTicket=" + ticketId).body();
        assertThat(editor).contains("流量用超了").contains("我的流量还剩多少？")
                .contains("发送 CXLL 到 10086 即可查询剩余流量。").doesNotContain("内部备注不外传");

        String created = agent.post("/knowledge/articles", Map.of("title", "流量用超了怎么办",
                "body", "<h3>问题</h3><p>我的流量还剩多少？</p>", "visibility", "PUBLIC", "tags", "流量，查询",
                "sourceTicketId", String.valueOf(ticketId))).location();
        long articleId = Long.parseLong(created.substring(created.lastIndexOf('/') + 1));
        JsonNode article = clients.agent.get("/api/v1/knowledge/articles/" + articleId).json();
        assertThat(article.get("sourceTicketId").asLong()).isEqualTo(ticketId);
        assertThat(article.get("tags").toString()).contains("流量").contains("查询");

        WebSession sales = new WebSession(port);
        sales.signIn(TestAccounts.SALES, TestAccounts.PASSWORD);
        assertThat(sales.get("/knowledge/articles/new?fromTicket=" + ticketId).status()).isEqualTo(403);
    }

    @Test
    void aDifficultProblemIsFlaggedDiscussedAndClosedWithTheAnsweringArticle() {
        long ticketId = ticketWithReply("光猫红灯", "光猫一直亮红灯", "已安排上门。");
        WebSession agent = new WebSession(port);
        agent.signIn(TestAccounts.AGENT, TestAccounts.PASSWORD);
        assertThat(agent.get("/tickets/" + ticketId).body()).contains("flagDifficult");
        WebSession.Page flagPage = agent.post("/knowledge/difficult", Map.of("ticketId", String.valueOf(ticketId),
                "note", "重启无效"));
        String flagged = flagPage.location();
        assertThat(flagged).as(flagPage.status() + " " + flagPage.body()).isNotNull();
        assertThat(flagged).matches(".*/knowledge/difficult/\\d+");
        String problemPath = flagged.substring(flagged.indexOf("/knowledge/"));
        String twice = agent.post("/knowledge/difficult", Map.of("ticketId", String.valueOf(ticketId))).location();
        assertThat(agent.get(twice).body()).contains("alert-danger");

        WebSession supervisor = new WebSession(port);
        supervisor.signIn(TestAccounts.SUPERVISOR, TestAccounts.PASSWORD);
        assertThat(supervisor.get("/knowledge/difficult").body()).contains("光猫红灯");
        supervisor.post(problemPath + "/comments", Map.of("text", "可能是光纤断了，需要技术支持"));
        assertThat(agent.post(problemPath + "/close", Map.of("articleId", "1")).status()).isEqualTo(403);

        String title = KnowledgeClients.unique("光猫亮红灯处理");
        long articleId = clients.published(title, "<p>检查光纤。</p>", "PUBLIC").get("id").asLong();
        supervisor.post(problemPath + "/close", Map.of("articleId", String.valueOf(articleId)));
        String closed = agent.get(problemPath).body();
        assertThat(closed).contains("可能是光纤断了").contains(title).contains("id=\"answerArticle\"")
                .doesNotContain("id=\"closeProblem\"");
        assertThat(supervisor.get("/knowledge/difficult?state=CLOSED").body()).contains(title);
    }

    @Test
    void theOwnerIsRemindedOnceInTheAppAndByEmailWhenHerArticleExpires() {
        String title = KnowledgeClients.unique("旧套餐资费");
        long id = clients.agent.post("/api/v1/knowledge/articles", """
                {"title": "%s", "body": "<p>月租 58 元</p>", "expiresOn": "2024-12-31"}""".formatted(title))
                .json().get("id").asLong();
        long agentId = clients.agent.get("/api/v1/knowledge/articles/" + id).json().get("ownerId").asLong();
        String email = clients.admin.get("/api/v1/staff/" + agentId).json().get("email").asString();

        try (Mailbox mailbox = Mailbox.startFor(mailSender)) {
            reminders.remindDue();
            reminders.remindDue();
            await().atMost(Duration.ofSeconds(20)).until(() -> mailbox.to(email).stream()
                    .anyMatch(m -> subject(m).contains(title)));
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> mailbox.to(email).stream()
                    .filter(m -> subject(m).contains(title)).count() == 1);
        }
        WebSession agent = new WebSession(port);
        agent.signIn(TestAccounts.AGENT, TestAccounts.PASSWORD);
        String inbox = agent.get("/notifications").body();
        assertThat(inbox.split("文章已到期：" + title, -1).length - 1).isEqualTo(1);
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
