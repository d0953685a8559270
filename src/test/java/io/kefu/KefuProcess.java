package io.kefu;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kefu as its own process, started from the test classpath on a data folder and a free port, with a bootstrap
 * token for the API; its output goes to {@code kefu.log} in the data folder. For what only a real process shows:
 * a kill, a signal, a start on what an earlier process left.
 */
public final class KefuProcess {

    public static final String TOKEN = "kefu_process_test_token_0123456789";

    private KefuProcess() {
    }

    /** Starts Kefu and waits until it reports ready; the environment adds to (or overrides) the defaults. */
    public static Process start(Path data, int port, Map<String, String> environment)
            throws IOException, InterruptedException {
        Files.createDirectories(data);
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx768m",
                "-cp", System.getProperty("java.class.path"), "io.kefu.KefuApplication");
        Map<String, String> settings = new HashMap<>(Map.of("KEFU_DATA_DIR", data.toAbsolutePath().toString(),
                "SERVER_PORT", String.valueOf(port), "KEFU_ADMIN_PASSWORD", "Process-Test-2026",
                "KEFU_BOOTSTRAP_TOKEN", TOKEN,
                // Nothing is imported in these tests: the customer import's warm-up would only lengthen the starts.
                "KEFU_IMPORT_WARM_UP_ROWS", "0"));
        settings.putAll(environment);
        builder.environment().putAll(settings);
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log(data).toFile()));
        Process process = builder.start();
        HttpClient http = HttpClient.newHttpClient();
        waitUntil(Duration.ofSeconds(120), () -> {
            assertThat(process.isAlive()).as("Kefu exited; see " + log(data)).isTrue();
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

    /** Stops it the ordinary way (SIGTERM), as a service manager does, and waits for it, if it still runs. */
    public static void stop(Process kefu) throws InterruptedException {
        if (kefu != null && kefu.isAlive()) {
            kefu.destroy();
            kefu.waitFor(60, TimeUnit.SECONDS);
        }
    }

    public static Path log(Path data) {
        return data.resolve("kefu.log");
    }

    /** The lines the process logged since it last reported ready. */
    public static List<String> logSinceLastStart(Path data) throws IOException {
        List<String> log = Files.readAllLines(log(data));
        int lastStart = log.lastIndexOf(log.stream().filter(l -> l.contains("Kefu is ready")).reduce((a, b) -> b)
                .orElseThrow());
        return log.subList(lastStart, log.size());
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    public static void waitUntil(Duration limit, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waited " + limit).isBefore(deadline);
            Thread.sleep(250);
        }
    }
}
