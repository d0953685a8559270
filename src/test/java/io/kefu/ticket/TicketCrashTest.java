package io.kefu.ticket;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import io.kefu.ApiClient;
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

    private static final String TOKEN = "kefu_crash_test_token_0123456789";
    private static final Path DATA = Path.of("target", "crash-test-data");

    private Process kefu;

    record Acknowledged(String key, String body, long id) {
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (kefu != null && kefu.isAlive()) {
            kefu.destroy();
            kefu.waitFor(60, TimeUnit.SECONDS);
        }
    }

    @Test
    void acknowledgedTicketsAndPendingTimersSurviveAKill() throws Exception {
        FileSystemUtils.deleteRecursively(DATA);
        int port = freePort();
        kefu = start(port);
        ApiClient api = new ApiClient(port, TOKEN);
        long timerTicket = ticketWithATimerDueInHalfAMinute(api);

        ConcurrentLinkedQueue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService burst = Executors.newFixedThreadPool(8);
        for (int t = 0; t < 8; t++) {
            int thread = t;
            burst.submit(() -> create(api, thread, running, acknowledged));
        }
        waitUntil(Duration.ofSeconds(60), () -> acknowledged.size() >= 40);
        kefu.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        running.set(false);
        burst.shutdown();
        assertThat(burst.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

        kefu = start(port);
        for (Acknowledged ack : acknowledged) {
            ApiClient.Response replay = api.post("/api/v1/tickets", ack.body(), Map.of("Idempotency-Key", ack.key()));
            assertThat(replay.status()).as(ack.key()).isEqualTo(200);
            assertThat(replay.json().get("id").asLong()).isEqualTo(ack.id());
        }
        waitUntil(Duration.ofSeconds(90), () -> api.get("/api/v1/tickets/" + timerTicket).json().get("sla")
                .get("state").asString().equals("WARNING"));
        waitUntil(Duration.ofSeconds(30), () -> api.get("/api/v1/me/notifications").json()
                .findValuesAsString("link").contains("/tickets/" + timerTicket));

        // Stopped the ordinary way (SIGTERM), it winds down in order: the database goes last, nothing fails.
        kefu.destroy();
        assertThat(kefu.waitFor(60, TimeUnit.SECONDS)).isTrue();
        List<String> log = Files.readAllLines(DATA.resolve("kefu.log"));
        int lastStart = log.lastIndexOf(log.stream().filter(l -> l.contains("Kefu is ready")).reduce((a, b) -> b)
                .orElseThrow());
        assertThat(log.subList(lastStart, log.size())).noneMatch(l -> l.contains(" ERROR ") || l.contains("I/O error"));
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

    private Process start(int port) throws IOException, InterruptedException {
        Files.createDirectories(DATA);
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx768m",
                "-cp", System.getProperty("java.class.path"), "io.kefu.KefuApplication");
        builder.environment().putAll(Map.of("KEFU_DATA_DIR", DATA.toAbsolutePath().toString(),
                "SERVER_PORT", String.valueOf(port), "KEFU_ADMIN_PASSWORD", "Crash-Test-2026",
                "KEFU_BOOTSTRAP_TOKEN", TOKEN, "KEFU_SCHEDULING_POLL_INTERVAL", "1s",
                // Nothing is imported here: the customer import's warm-up would only lengthen both starts.
                "KEFU_IMPORT_WARM_UP_ROWS", "0"));
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(
                DATA.resolve("kefu.log").toFile()));
        Process process = builder.start();
        HttpClient http = HttpClient.newHttpClient();
        waitUntil(Duration.ofSeconds(120), () -> {
            assertThat(process.isAlive()).as("Kefu exited; see " + DATA.resolve("kefu.log")).isTrue();
            try {
                return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/actuator/health/readiness")).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200;
            } catch (IOException notYet) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
        return process;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void waitUntil(Duration limit, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waited " + limit).isBefore(deadline);
            Thread.sleep(250);
        }
    }
}
