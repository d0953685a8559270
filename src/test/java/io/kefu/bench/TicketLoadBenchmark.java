package io.kefu.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Ticket creation through the API as an integration would do it: a new customer per request (a fresh phone
 * number), a Chinese subject and description, an Idempotency-Key. Runs {@code threads} clients for a 20-second warm-up and
 * then for the measured time, and prints tickets/s and the latency percentiles of the measured requests.
 * <p>Usage: {@code TicketLoadBenchmark <baseUrl> <token> <threads> <seconds> [label]}
 */
public final class TicketLoadBenchmark {

    private static final String[] SUBJECTS = {"宽带从昨天开始断网", "光猫指示灯闪红，无法上网", "本月话费扣费异常",
            "套餐变更后流量没有到账", "申请安装千兆宽带", "投诉装维人员迟到两小时", "物业报修：卫生间漏水",
            "预约专家门诊无法支付", "车辆保养预约时间变更", "建议增加夜间客服热线"};
    private static final String[] BODIES = {"客户来电反映自昨晚十点起家中宽带无法连接，重启光猫无效，已检查网线连接正常。",
            "客户称本月账单比上月多出三十元，要求核实增值业务订购记录并退还误扣费用。",
            "客户希望周六上午上门安装，联系电话同来电号码，地址为小区三期十二栋二单元。",
            "客户情绪较激动，表示已多次反映同一问题未得到解决，要求主管回电说明处理进度。"};
    /** Long enough for the JIT to compile the request path of a freshly started server. */
    private static final int WARM_UP_SECONDS = 20;
    private static final AtomicLong SEQUENCE = new AtomicLong(System.currentTimeMillis() % 10_000_000L * 100);

    private TicketLoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String token = args[1];
        int threads = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        String label = args.length > 4 ? args[4] : "";
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        run(http, base, token, threads, WARM_UP_SECONDS, null);
        List<long[]> measured = new ArrayList<>();
        long started = System.nanoTime();
        run(http, base, token, threads, seconds, measured);
        double elapsed = (System.nanoTime() - started) / 1e9;
        long[] all = measured.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        System.out.printf("ticket creation %s concurrency %d: %d tickets in %.1f s = %.0f tickets/s, "
                        + "p50 %.1f ms, p95 %.1f ms, p99 %.1f ms%n", label, threads, all.length, elapsed,
                all.length / elapsed, pct(all, 50), pct(all, 95), pct(all, 99));
    }

    private static void run(HttpClient http, String base, String token, int threads, int seconds,
                            List<long[]> results) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long until = System.nanoTime() + seconds * 1_000_000_000L;
        List<Future<long[]>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> client(http, base, token, until)));
        }
        for (Future<long[]> f : futures) {
            long[] latencies = f.get();
            if (results != null) {
                results.add(latencies);
            }
        }
        pool.shutdown();
    }

    private static long[] client(HttpClient http, String base, String token, long until) throws Exception {
        Random random = new Random();
        long[] latencies = new long[1024];
        int n = 0;
        while (System.nanoTime() < until) {
            long seq = SEQUENCE.incrementAndGet();
            String body = """
                    {"customer": {"name": "客户%d", "phones": ["13%09d"]}, "type": "%s", "priority": "%s",
                     "channel": "API", "subject": "%s", "description": "%s",
                     "customFields": {"region": "浙江省杭州市", "orderNo": "DD%010d"}}"""
                    .formatted(seq, seq % 1_000_000_000L, random.nextInt(5) == 0 ? "COMPLAINT" : "REPAIR",
                            random.nextBoolean() ? "NORMAL" : "HIGH", SUBJECTS[random.nextInt(SUBJECTS.length)],
                            BODIES[random.nextInt(BODIES.length)], seq);
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/tickets"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .header("Idempotency-Key", "bench-" + seq)
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
            long t0 = System.nanoTime();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            long took = System.nanoTime() - t0;
            if (response.statusCode() != 201) {
                throw new IllegalStateException(response.statusCode() + " " + response.body());
            }
            if (n == latencies.length) {
                latencies = Arrays.copyOf(latencies, n * 2);
            }
            latencies[n++] = took;
        }
        return Arrays.copyOf(latencies, n);
    }

    static double pct(long[] sorted, int percentile) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }
}
