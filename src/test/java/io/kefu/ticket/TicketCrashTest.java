package io.kefu.ticket;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.kefu.ApiClient;
import io.kefu.KefuProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kefu as its own process, killed with SIGKILL in the middle of a burst of ticket creation and started again on the
 * same data: every ticket whose creation was acknowledged is there exactly once, and an SLA timer that was pending
 * at the kill still fires and notifies.
 */
class TicketCrashTest {

    private static final Path DATA = Path.of("target", "crash-test-data");
    /** Timers fire within a second; a sweep the kill left picked is taken over within six. */
    private static final Map<String, String> FAST_TIMERS =
            Map.of("KEFU_SCHEDULING_POLL_INTERVAL", "1s", "KEFU_SCHEDULING_HEARTBEAT_INTERVAL", "1s");

    private Process kefu;

    record Acknowledged(String key, String body, long id) {
    }

    @AfterEach
    void stop() throws InterruptedException {
        KefuProcess.stop(kefu);
    }

    @Test
    void acknowledgedTicketsAndPendingTimersSurviveAKill() throws Exception {
        FileSystemUtils.deleteRecursively(DATA);
        int port = KefuProcess.freePort();
        kefu = KefuProcess.start(DATA, port, FAST_TIMERS);
        ApiClient api = new ApiClient(port, KefuProcess.TOKEN);
        long timerTicket = ticketWithATimerDueInHalfAMinute(api);

        ConcurrentLinkedQueue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService burst = Executors.newFixedThreadPool(8);
        for (int t = 0; t < 8; t++) {
            int thread = t;
            burst.submit(() -> create(api, thread, running, acknowledged));
        }
        KefuProcess.waitUntil(Duration.ofSeconds(60), () -> acknowledged.size() >= 40);
        kefu.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        running.set(false);
        burst.shutdown();
        assertThat(burst.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

        kefu = KefuProcess.start(DATA, port, FAST_TIMERS);
        for (Acknowledged ack : acknowledged) {
            ApiClient.Response replay = api.post("/api/v1/tickets", ack.body(), Map.of("Idempotency-Key", ack.key()));
            assertThat(replay.status()).as(ack.key()).isEqualTo(200);
            assertThat(replay.json().get("id").asLong()).isEqualTo(ack.id());
        }
        KefuProcess.waitUntil(Duration.ofSeconds(90), () -> api.get("/api/v1/tickets/" + timerTicket).json().get("sla")
                .get("state").asString().equals("WARNING"));
        KefuProcess.waitUntil(Duration.ofSeconds(30), () -> api.get("/api/v1/me/notifications").json()
                .findValuesAsString("link").contains("/tickets/" + timerTicket));

        // Stopped the ordinary way (SIGTERM), it winds down in order: the database goes last, nothing fails.
        kefu.destroy();
        assertThat(kefu.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(KefuProcess.logSinceLastStart(DATA))
                .noneMatch(l -> l.contains(" ERROR ") || l.contains("I/O error"));
    }

    private static long ticketWithATimerDueInHalfAMinute(ApiClient api) {
        StringBuilder week = new StringBuilder();
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")) {
            week.append(week.isEmpty() ? "" : ",")
                    .append("{\"dayOfWeek\": \"%s\", \"start\": \"00:00\", \"end\": \"24:00\"}".formatted(day));
        }
        long calendar = api.post("/api/v1/sla/calendars",
                "{\"name\": \"全天候\", \"zone\": \"Asia/Shanghai\", \"weeklyPeriods\": [" + week + "]}")
                .json().get("id").asLong();
        assertThat(api.post("/api/v1/sla/policies", """
                {"name": "崩溃测试", "ticketTypes": ["PRAISE"], "channels": ["WEIBO"], "firstResponseMinutes": 1,
                 "resolutionMinutes": 600, "warnPercent": 50, "calendarId": %d}""".formatted(calendar)).status())
                .isEqualTo(201);
        long me = api.get("/api/v1/staff?q=admin").json().findValues("id").get(0).asLong();
        return api.post("/api/v1/tickets", """
                {"customer": {"phones": ["13600000001"]}, "type": "PRAISE", "channel": "WEIBO", "subject": "定时器",
                 "description": "重启后仍应提醒", "assigneeId": %d}""".formatted(me)).json().get("id").asLong();
    }

    private static void create(ApiClient api, int thread, AtomicBoolean running,
                               ConcurrentLinkedQueue<Acknowledged> acknowledged) {
        for (int n = 0; running.get(); n++) {
            String key = "crash-" + thread + "-" + n;
            String body = Tickets.newTicketJson("REPAIR", "135%08d".formatted(thread * 1_000_000 + n), key);
            try {
                ApiClient.Response response = api.post("/api/v1/tickets", body, Map.of("Idempotency-Key", key));
                if (response.status() == 201) {
                    acknowledged.add(new Acknowledged(key, body, response.json().get("id").asLong()));
                }
            } catch (IllegalStateException connectionLost) {
                return;
            }
        }
    }
}
