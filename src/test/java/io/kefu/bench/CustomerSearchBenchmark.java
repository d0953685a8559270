package io.kefu.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;

import net.sourceforge.pinyin4j.PinyinHelper;

/**
 * Measures customer search as a user meets it: the time from sending {@code GET /api/v1/customers?q=...} to
 * having the whole answer, one request at a time, for four kinds of query drawn from the generated file (a
 * 2-character name fragment, 4 digits of a phone, a whole email, pinyin initials). Prints p50/p95/p99 per kind.
 *
 * <p>Usage: {@code CustomerSearchBenchmark <baseUrl> <token> <generated.csv> [requests per kind]}.
 */
public final class CustomerSearchBenchmark {

    private CustomerSearchBenchmark() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        String base = args[0];
        String token = args[1];
        List<String[]> rows = Files.readAllLines(Path.of(args[2]), StandardCharsets.UTF_8).stream().skip(1)
                .map(line -> line.split(",", -1)).toList();
        int requests = args.length > 3 ? Integer.parseInt(args[3]) : 300;
        SplittableRandom random = new SplittableRandom(7);
        Map<String, Function<String[], String>> kinds = new LinkedHashMap<>();
        kinds.put("2-character name fragment", r -> r[0].substring(0, 2));
        kinds.put("4-digit phone fragment", r -> r[2].substring(3 + random.nextInt(5), 3 + random.nextInt(5) + 4));
        kinds.put("whole email", r -> r[3]);
        kinds.put("pinyin initials", r -> initials(r[0]));
        HttpClient http = HttpClient.newHttpClient();
        System.out.printf("%-28s %8s %8s %8s %8s %10s%n", "query", "p50 ms", "p95 ms", "p99 ms", "max ms", "avg hits");
        for (var kind : kinds.entrySet()) {
            List<String> queries = new ArrayList<>();
            while (queries.size() < requests + 50) {
                String[] row = rows.get(random.nextInt(rows.size()));
                String q = kind.getValue().apply(row);
                if (q != null && !q.isBlank() && !(kind.getKey().startsWith("pinyin") && row[1].equals("ORGANIZATION"))) {
                    queries.add(q);
                }
            }
            double[] millis = new double[requests];
            long hits = 0;
            for (int i = 0; i < queries.size(); i++) {
                HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/customers?limit=20&q="
                        + URLEncoder.encode(queries.get(i), StandardCharsets.UTF_8)))
                        .header("Authorization", "Bearer " + token).build();
                long start = System.nanoTime();
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                long took = System.nanoTime() - start;
                if (response.statusCode() != 200) {
                    throw new IllegalStateException(response.statusCode() + " " + response.body());
                }
                if (i >= 50) {
                    millis[i - 50] = took / 1e6;
                    hits += response.body().split("\"id\":", -1).length - 1;
                }
            }
            Arrays.sort(millis);
            System.out.printf("%-28s %8.1f %8.1f %8.1f %8.1f %10.1f%n", kind.getKey(), at(millis, 0.50),
                    at(millis, 0.95), at(millis, 0.99), millis[millis.length - 1], hits / (double) requests);
        }
    }

    private static double at(double[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)];
    }

    private static String initials(String name) {
        StringBuilder initials = new StringBuilder();
        for (char c : name.toCharArray()) {
            String[] readings = PinyinHelper.toHanyuPinyinStringArray(c);
            if (readings != null && readings.length > 0) {
                initials.append(readings[0].charAt(0));
            }
        }
        return initials.toString();
    }
}
