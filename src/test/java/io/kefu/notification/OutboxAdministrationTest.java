package io.kefu.notification;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.kefu.ApiClient;
import io.kefu.KefuTest;
import io.kefu.Lookups;
import io.kefu.TestAccounts;
import io.kefu.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The outbox as administrators and supervisors see it: failures with their reason, and an audited retry. */
@KefuTest
class OutboxAdministrationTest {

    @LocalServerPort
    int port;

    @Autowired
    Notifications notifications;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JavaMailSender mailSender;

    @Test
    void aStaffMemberWithoutAnEmailAddressIsAVisibleFailureThatARetryDeliversOnceSheHasOne() {
        ApiClient admin = new ApiClient(port, TestAccounts.BOOTSTRAP_TOKEN);
        String username = "noemail" + UUID.randomUUID().toString().substring(0, 6);
        long staffId = admin.post("/api/v1/staff", """
                {"username": "%s", "displayName": "无邮箱", "password": "Service-2026-ok", "roleIds": [%d]}"""
                .formatted(username, Lookups.roleId(admin, "AGENT"))).json().get("id").asLong();
        long id = transaction.execute(status -> notifications.send(NotificationRequest.toStaff(
                NotificationChannel.EMAIL, staffId, "提醒", "您有一个工单", null, null)));

        ApiClient supervisor = new ApiClient(port, Lookups.tokenFor(admin, Lookups.staffId(admin, TestAccounts.SUPERVISOR)));
        JsonNode failed = supervisor.get("/api/v1/notifications?state=FAILED&channel=EMAIL").json();
        JsonNode entry = failed.get(0);
        assertThat(entry.get("id").asLong()).isEqualTo(id);
        assertThat(entry.get("lastError").asString()).isEqualTo("no address");

        ApiClient.Response refused = admin.post("/api/v1/notifications/" + id + "/retry", null);
        assertThat(refused.status()).isEqualTo(422);

        String address = username + "@example.com";
        assertThat(admin.patch("/api/v1/staff/" + staffId, "{\"email\": \"" + address + "\"}").status()).isEqualTo(200);
        try (Mailbox mailbox = Mailbox.startFor(mailSender)) {
            ApiClient.Response retried = admin.post("/api/v1/notifications/" + id + "/retry", null);
            assertThat(retried.status()).isEqualTo(200);
            assertThat(retried.json().get("address").asString()).isEqualTo(address);
            await().atMost(Duration.ofSeconds(15)).until(() -> mailbox.to(address).size() == 1);
        }
        JsonNode audit = admin.get("/api/v1/audit?action=notification.retry&targetId=" + id).json();
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).get("actorName").asString()).isEqualTo(TestAccounts.ADMIN);
    }

    @Test
    void aSentNotificationIsNotRetriedAndAnUnknownOneIsNotFound() {
        ApiClient admin = new ApiClient(port, TestAccounts.BOOTSTRAP_TOKEN);
        long agent = Lookups.staffId(admin, TestAccounts.AGENT);
        long id = transaction.execute(status -> notifications.send(NotificationRequest.toStaff(
                NotificationChannel.IN_APP, agent, "已送达", "站内通知写入即送达", null, null)));

        ApiClient.Response sent = admin.post("/api/v1/notifications/" + id + "/retry", null);
        assertThat(sent.status()).isEqualTo(409);
        assertThat(sent.json().get("detail").asString()).contains(Long.toString(id));
        assertThat(admin.post("/api/v1/notifications/99999999/retry", null).status()).isEqualTo(404);
    }

    @Test
    void rolesWithoutTheNotificationPermissionAreRefused() {
        ApiClient admin = new ApiClient(port, TestAccounts.BOOTSTRAP_TOKEN);
        ApiClient agent = new ApiClient(port, Lookups.tokenFor(admin, Lookups.staffId(admin, TestAccounts.AGENT)));

        assertThat(agent.get("/api/v1/notifications").status()).isEqualTo(403);
        assertThat(agent.post("/api/v1/notifications/1/retry", null).status()).isEqualTo(403);
    }

    @Test
    void theOutboxPageFiltersByStateAndChannelAndRetries() {
        ApiClient admin = new ApiClient(port, TestAccounts.BOOTSTRAP_TOKEN);
        String subject = "短信 " + UUID.randomUUID();
        long id = transaction.execute(status -> notifications.send(new NotificationRequest(
                NotificationChannel.SMS, null, "13900139001", subject, "稍后送达", null, null)));
        WebSession web = new WebSession(port);
        web.signIn(TestAccounts.SUPERVISOR, TestAccounts.PASSWORD);

        String page = web.get("/admin/notifications?channel=SMS").body();
        assertThat(page).contains(subject).contains("/admin/notifications/" + id + "/retry");
        assertThat(web.htmxGet("/admin/notifications?channel=EMAIL").body()).doesNotContain(subject);

        WebSession.Page retried = web.post("/admin/notifications/" + id + "/retry?channel=SMS", Map.of());
        assertThat(retried.status()).isEqualTo(302);
        assertThat(retried.location()).contains("/admin/notifications").contains("channel=SMS");
        assertThat(admin.get("/api/v1/audit?action=notification.retry&targetId=" + id).json()).hasSize(1);
    }
}
