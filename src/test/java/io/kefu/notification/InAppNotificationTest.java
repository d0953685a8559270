package io.kefu.notification;

import java.util.Map;
import java.util.UUID;

import io.kefu.ApiClient;
import io.kefu.KefuTest;
import io.kefu.Lookups;
import io.kefu.TestAccounts;
import io.kefu.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** A staff member's in-app notifications: her own only, through the API and the page, and marking them read. */
@KefuTest
class InAppNotificationTest {

    @LocalServerPort
    int port;

    @Autowired
    Notifications notifications;

    @Autowired
    TransactionTemplate transaction;

    private ApiClient admin;
    private long agent;
    private long supervisor;

    @BeforeEach
    void setUp() {
        admin = new ApiClient(port, TestAccounts.BOOTSTRAP_TOKEN);
        agent = Lookups.staffId(admin, TestAccounts.AGENT);
        supervisor = Lookups.staffId(admin, TestAccounts.SUPERVISOR);
    }

    @Test
    void eachStaffMemberSeesAndMarksOnlyHerOwnNotifications() {
        String nonce = UUID.randomUUID().toString();
        long forAgent = inApp(agent, "新工单 " + nonce, "/tickets/42", null);
        long forSupervisor = inApp(supervisor, "升级提醒 " + nonce, null, null);
        ApiClient agentApi = new ApiClient(port, Lookups.tokenFor(admin, agent));

        JsonNode unread = agentApi.get("/api/v1/me/notifications?unread=true").json();
        assertThat(unread.findValuesAsString("subject")).contains("新工单 " + nonce).doesNotContain("升级提醒 " + nonce);
        JsonNode mine = unread.get(0);
        assertThat(mine.get("id").asLong()).isEqualTo(forAgent);
        assertThat(mine.get("link").asString()).isEqualTo("/tickets/42");
        assertThat(mine.get("readAt").isNull()).isTrue();

        assertThat(agentApi.post("/api/v1/me/notifications/" + forSupervisor + "/read", null).status()).isEqualTo(404);
        assertThat(agentApi.post("/api/v1/me/notifications/" + forAgent + "/read", null).status()).isEqualTo(204);

        assertThat(agentApi.get("/api/v1/me/notifications?unread=true").json().findValuesAsString("subject"))
                .doesNotContain("新工单 " + nonce);
        JsonNode all = agentApi.get("/api/v1/me/notifications").json();
        assertThat(all.get(0).get("id").asLong()).isEqualTo(forAgent);
        assertThat(all.get(0).get("readAt").isNull()).isFalse();
        // The supervisor's is still unread: the agent's attempt changed nothing.
        assertThat(notifications.inbox(supervisor, true, 10)).anyMatch(n -> n.id() == forSupervisor);
    }

    @Test
    void aRepeatedRequestWithTheSameDedupKeyIsOneNotification() {
        String key = "ticket-42-breach-" + UUID.randomUUID();
        long first = inApp(agent, "工单即将超时", null, key);
        long second = inApp(agent, "工单即将超时", null, key);

        assertThat(second).isEqualTo(first);
        assertThat(notifications.inbox(agent, false, 50)).filteredOn(n -> n.id() == first).hasSize(1);
    }

    @Test
    void aNotificationOfARolledBackTransactionDoesNotExist() {
        long before = notifications.unreadCount(agent);
        transaction.executeWithoutResult(status -> {
            notifications.send(NotificationRequest.toStaff(NotificationChannel.IN_APP, agent, "回滚", "不存在", null, null));
            status.setRollbackOnly();
        });
        assertThat(notifications.unreadCount(agent)).isEqualTo(before);
    }

    @Test
    void theBellShowsTheUnreadCountAndThePageMarksRead() {
        String nonce = UUID.randomUUID().toString();
        long id = inApp(agent, "页面通知 " + nonce, "/customers", null);
        WebSession web = new WebSession(port);
        web.signIn(TestAccounts.AGENT, TestAccounts.PASSWORD);

        assertThat(web.get("/").body()).contains("/notifications/bell");
        WebSession.Page bell = web.htmxGet("/notifications/bell");
        assertThat(bell.status()).isEqualTo(200);
        assertThat(bell.body()).contains(">" + notifications.unreadCount(agent) + "<");

        WebSession.Page page = web.get("/notifications");
        assertThat(page.body()).contains("页面通知 " + nonce).contains("/notifications/" + id + "/read");
        assertThat(web.post("/notifications/" + id + "/read", Map.of()).status()).isEqualTo(302);
        assertThat(notifications.inbox(agent, true, 200)).noneMatch(n -> n.id() == id);
    }

    private long inApp(long staffId, String subject, String link, String dedupKey) {
        return transaction.execute(status -> notifications.send(NotificationRequest.toStaff(NotificationChannel.IN_APP,
                staffId, subject, "请查看", link, dedupKey)));
    }
}
