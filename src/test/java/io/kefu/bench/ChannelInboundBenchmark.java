package io.kefu.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import tools.jackson.databind.json.JsonMapper;

/**
 * Inbound messages through the messaging-channel webhook, as a WeChat bridge would post them: each request signed
 * (HMAC-SHA256 over timestamp + "." + body), four in five from a sender never seen before (a new customer and a new
 * ticket) and one in five from one of 500 repeat senders (threaded onto her open ticket). Creates its own channel
 * with the administrator token, warms up for 20 s, then measures; prints messages/s and latency percentiles.
 * <p>Usage: {@code ChannelInboundBenchmark <baseUrl> <adminToken> <threads> <seconds>}
 */
public final class ChannelInboundBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int WARM_UP_SECONDS = 20;
    private static final int REPEAT_SENDERS = 500;
    private static final String[] TEXTS = {"宽带从昨天开始断网，麻烦尽快处理", "快递显示已签收但我没收到",
            "本月话费扣费异常，请帮忙查一下", "想预约周六上午上门安装", "发票抬头写错了，能重开吗"};
    private static final AtomicLong SEQUENCE = new AtomicLong(System.currentTimeMillis() * 1000);

    private ChannelInboundBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int threads = Integer.parseInt(args[2]);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        var created = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/channels"))
                .header("Authorization", "Bearer " + args[1]).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"bench " + SEQUENCE.get()
                        + "\", \"kind\": \"WECHAT_OFFICIAL_ACCOUNT\", \"identityKind\": \"WECHAT_OPENID\"}"))
                .build(), HttpResponse.BodyHandlers.ofString()).body());
        String inbound = base + created.get("channel").get("inboundPath").asString();
        String secret = created.get("inboundSecret").asString();

        measure(http, inbound, secret, threads, WARM_UP_SECONDS);
        long started = System.nanoTime();
        long[] latencies = measure(http, inbound, secret, threads, Integer.parseInt(args[3]));
        double elapsed = (System.nanoTime() - started) / 1e9;
        System.out.printf("channel inbound concurrency %d: %d messages in %.1f s = %.0f messages/s, "
                        + "p50 %.1f ms, p95 %.1f ms, p99 %.1f ms%n", threads, latencies.length, elapsed,
                latencies.length / elapsed, TicketLoadBenchmark.pct(latencies, 50),
                TicketLoadBenchmark.pct(latencies, 95), TicketLoadBenchmark.pct(latencies, 99));
    }

    /** Every client's request latencies in nanoseconds, sorted. */
    private static long[] measure(HttpClient http, String inbound, String secret, int threads, int seconds)
            throws Exception {
        long until = System.nanoTime() + seconds * 1_000_000_000L;
        List<Callable<long[]>> clients = IntStream.range(0, threads)
                .<Callable<long[]>>mapToObj(i -> () -> post(http, inbound, secret, until)).toList();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            LongStream all = LongStream.empty();
            for (var client : pool.invokeAll(clients)) {
                all = LongStream.concat(all, LongStream.of(client.get()));
            }
            return all.sorted().toArray();
        } finally {
            pool.shutdown();
        }
    }

    private static long[] post(HttpClient http, String inbound, String secret, long until) throws Exception {
        LongStream.Builder latencies = LongStream.builder();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (System.nanoTime() < until) {
            long seq = SEQUENCE.incrementAndGet();
            String sender = random.nextInt(5) == 0 ? "oBenchRepeat" + random.nextInt(REPEAT_SENDERS)
                    : "oBench" + seq;
            byte[] body = """
                    {"messageId": "bench-%d", "sentAt": "%s", "sender": {"id": "%s", "name": "微信用户%d"},
                     "text": "%s"}""".formatted(seq, Instant.now(), sender, seq % 10_000,
                    TEXTS[random.nextInt(TEXTS.length)]).getBytes(StandardCharsets.UTF_8);
            long timestamp = Instant.now().getEpochSecond();
            HttpRequest request = HttpRequest.newBuilder(URI.create(inbound))
                    .header("Content-Type", "application/json")
                    .header("X-Kefu-Timestamp", Long.toString(timestamp))
                    .header("X-Kefu-Signature", sign(secret, timestamp, body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            long t0 = System.nanoTime();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            latencies.add(System.nanoTime() - t0);
            if (response.statusCode() != 201) {
                throw new IllegalStateException(response.statusCode() + " " + response.body());
            }
        }
        return latencies.build().toArray();
    }

    private static String sign(String secret, long timestamp, byte[] body) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    }
}
