package io.kefu.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import io.kefu.ApiClient;
import io.kefu.KefuTest;
import io.kefu.TestAccounts;
import io.kefu.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The audit log records who did what from where, can be filtered, and cannot be rewritten. */
@KefuTest
class AuditLogTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aChangeIsRecordedWithActorRecordAndAddress() {
        ApiClient admin = new ApiClient(port, TestAccounts.BOOTSTRAP_TOKEN);
        long id = admin.post("/api/v1/departments", "{\"name\": \"审计测试部%d\"}".formatted(System.nanoTime()))
                .json().get("id").asLong();

        JsonNode entries = admin.get("/api/v1/audit?targetType=department&targetId=" + id).json();

        assertThat(entries).hasSize(1);
        JsonNode entry = entries.get(0);
        assertThat(entry.get("action").asString()).isEqualTo("department.created");
        assertThat(entry.get("actorName").asString()).isEqualTo(TestAccounts.ADMIN);
        assertThat(entry.get("ipAddress").asString()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
        assertThat(Instant.parse(entry.get("occurredAt").asString())).isCloseTo(Instant.now(),
                within(1, ChronoUnit.MINUTES));
    }

    @Test
    void entriesCannotBeChangedOrRemoved() {
        long id = jdbc.sql("SELECT max(id) FROM audit_entry").query(Long.class).single();

        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_entry SET actor_name = 'someone' WHERE id = ?")
                .param(id).update()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_entry WHERE id = ?").param(id).update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("TRUNCATE audit_entry").update()).hasMessageContaining("append-only");
    }

    @Test
    void filtersNarrowByActorActionAndTimeAndPagesGoBackwards() {
        ApiClient admin = new ApiClient(port, TestAccounts.BOOTSTRAP_TOKEN);
        new WebSession(port).signIn("wuxia", TestAccounts.PASSWORD);
        new WebSession(port).signIn("wuxia", TestAccounts.PASSWORD);

        JsonNode logins = admin.get("/api/v1/audit?actor=wuxia&action=auth.login&limit=1").json();
        assertThat(logins).hasSize(1);
        assertThat(logins.get(0).get("actorName").asString()).isEqualTo("wuxia");
        long newest = logins.get(0).get("id").asLong();
        JsonNode older = admin.get("/api/v1/audit?actor=wuxia&action=auth.login&limit=1&beforeId=" + newest).json();
        assertThat(older.get(0).get("id").asLong()).isLessThan(newest);
        assertThat(admin.get("/api/v1/audit?actor=wuxia&from=2099-01-01T00:00:00Z").json()).isEmpty();
    }

    @Test
    void theAuditScreenFiltersInPlace() {
        WebSession session = new WebSession(port);
        session.signIn(TestAccounts.ADMIN, TestAccounts.PASSWORD);

        String page = session.get("/admin/audit?action=auth.login").body();

        assertThat(page).contains("审计日志", "auth.login").doesNotContain("department.created");
    }
}
