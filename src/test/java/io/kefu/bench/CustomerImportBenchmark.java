package io.kefu.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Times customer imports as the API's user meets them: from sending the file to
 * {@code POST /api/v1/customers/imports} to reading {@code DONE} from its status, polled every 100 ms. Files are
 * imported one after another; before the next, it waits for the server's log to report the previous import
 * finished, statistics refresh included, as a person would wait before starting another.
 *
 * <p>The polls go over one kept-alive connection of this one process. Started as a {@code curl} each, with a
 * shell's {@code sleep} between, they took about 30 ms of CPU apiece, some 15 % of the two cores the server
 * shares with the benchmark during a 5-second import (docs/benchmarks.md). They and the upload use the JDK's
 * plain {@link HttpURLConnection}: its {@code HttpClient} took 0.5 s of CPU during the first import, this 0.15 s.
 * The client prints its own CPU time during each import, since a user's browser would not take it from the server.
 *
 * <p>Usage: {@code CustomerImportBenchmark <baseUrl> <token> <server log> <file.csv>...}.
 */
public final class CustomerImportBenchmark {

    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
    private static final Pattern STATUS = Pattern.compile("\"status\":\"([A-Z]+)\"");
    private static final long POLL_MILLIS = 100;

    private CustomerImportBenchmark() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        String base = args[0];
        String token = args[1];
        Path serverLog = Path.of(args[2]);
        // The first request loads the client's HTTP classes and opens the kept-alive connection, as a browser has
        // its own before a user picks a file. An import nobody started is simply not found.
        get(base + "/api/v1/customers/imports/" + new UUID(0, 0), token, 404);
        int runs = args.length - 3;
        for (int run = 1; run <= runs; run++) {
            Path file = Path.of(args[2 + run]);
            long rows = countRows(file);
            long cpuBefore = processCpuNanos();
            long start = System.nanoTime();
            String id = match(ID, upload(base + "/api/v1/customers/imports", token, file), "import id");
            String status;
            String body;
            do {
                Thread.sleep(POLL_MILLIS);
                body = get(base + "/api/v1/customers/imports/" + id, token, 200);
                status = match(STATUS, body, "status");
            } while (status.equals("QUEUED") || status.equals("RUNNING") || status.equals("COMMITTING"));
            double seconds = (System.nanoTime() - start) / 1e9;
            double clientCpu = (processCpuNanos() - cpuBefore) / 1e9;
            System.out.printf("import %d of %d: %s%n", run, runs, body);
            if (!status.equals("DONE")) {
                throw new IllegalStateException("Import " + id + " ended " + status);
            }
            System.out.printf("import throughput: %d rows in %.1f s = %.0f rows/s (upload to DONE)%n", rows, seconds,
                    rows / seconds);
            System.out.printf("the benchmark client's own CPU meanwhile: %.2f s%n", clientCpu);
            awaitLogged(serverLog, "Customer import " + id + ":");
        }
    }

    private static String get(String url, String token, int expected) throws IOException {
        return answer(open(url, token), expected);
    }

    /** The file as the multipart field {@code file}, streamed from disk with its length known in advance. */
    private static String upload(String url, String token, Path file) throws IOException {
        HttpURLConnection connection = open(url, token);
        String boundary = "kefu-bench-" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + file.getFileName() + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        connection.setRequestMethod("POST");
        connection.setDoOutput(true);
        connection.setRequestProperty("Content-Type", "multipart/form-data; boundary=" + boundary);
        connection.setFixedLengthStreamingMode(head.length + Files.size(file) + tail.length);
        try (OutputStream out = connection.getOutputStream()) {
            out.write(head);
            Files.copy(file, out);
            out.write(tail);
        }
        return answer(connection, 202);
    }

    private static HttpURLConnection open(String url, String token) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
        connection.setRequestProperty("Authorization", "Bearer " + token);
        return connection;
    }

    /**
     * The answer's body, which must come with the expected status. Reading the whole answer lets the connection be
     * kept alive for the next request.
     */
    private static String answer(HttpURLConnection connection, int expected) throws IOException {
        int status = connection.getResponseCode();
        try (InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
            String body = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (status != expected) {
                throw new IllegalStateException(connection.getURL() + " answered " + status + " " + body);
            }
            return body;
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static String match(Pattern pattern, String body, String what) {
        Matcher matcher = pattern.matcher(body);
        if (!matcher.find()) {
            throw new IllegalStateException("No " + what + " in " + body);
        }
        return matcher.group(1);
    }

    /** Rows after the header line; the generated files have no line breaks inside a cell. */
    private static long countRows(Path file) throws IOException {
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.count() - 1;
        }
    }

    private static void awaitLogged(Path serverLog, String line) throws IOException, InterruptedException {
        while (!Files.readString(serverLog, StandardCharsets.UTF_8).contains(line)) {
            Thread.sleep(200);
        }
    }
}
