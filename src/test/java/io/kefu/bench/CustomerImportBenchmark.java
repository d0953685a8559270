package io.kefu.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
 * shares with the benchmark during a 5-second import (docs/benchmarks.md).
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
        HttpClient http = HttpClient.newHttpClient();
        int runs = args.length - 3;
        for (int run = 1; run <= runs; run++) {
            Path file = Path.of(args[2 + run]);
            long rows = countRows(file);
            long start = System.nanoTime();
            String id = match(ID, send(http, upload(base, token, file)), "import id");
            String status;
            String body;
            do {
                Thread.sleep(POLL_MILLIS);
                body = send(http, HttpRequest.newBuilder(URI.create(base + "/api/v1/customers/imports/" + id))
                        .header("Authorization", "Bearer " + token).build());
                status = match(STATUS, body, "status");
            } while (status.equals("QUEUED") || status.equals("RUNNING") || status.equals("COMMITTING"));
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("import %d of %d: %s%n", run, runs, body);
            if (!status.equals("DONE")) {
                throw new IllegalStateException("Import " + id + " ended " + status);
            }
            System.out.printf("import throughput: %d rows in %.1f s = %.0f rows/s (upload to DONE)%n", rows, seconds,
                    rows / seconds);
            awaitLogged(serverLog, "Customer import " + id + ":");
        }
    }

    private static HttpRequest upload(String base, String token, Path file) throws IOException {
        String boundary = "kefu-bench-" + UUID.randomUUID();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + file.getFileName() + "\"\r\nContent-Type: text/csv\r\n\r\n";
        return HttpRequest.newBuilder(URI.create(base + "/api/v1/customers/imports"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofString(head),
                        HttpRequest.BodyPublishers.ofFile(file),
                        HttpRequest.BodyPublishers.ofString("\r\n--" + boundary + "--\r\n")))
                .build();
    }

    private static String send(HttpClient http, HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + " "
                    + response.body());
        }
        return response.body();
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
