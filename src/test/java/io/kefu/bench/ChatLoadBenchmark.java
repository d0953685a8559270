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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Live chat under load, through the public surface only: {@code chats} visitors open the widget's visit, start a
 * chat, ask the bot one question (its answer latency is measured from the POST to the bot's message on her event
 * stream), ask for a person and wait; {@code agents} agents, each holding one staff event stream, take the queued
 * chats. Then every visitor writes a message every {@code interval} seconds and every agent answers each one as it
 * arrives. A message's delivery latency is from the start of its POST (it is persisted before it is acknowledged)
 * to its arrival on the other person's event stream. After a warm-up, the measured window reports the delivery
 * latency percentiles, messages delivered per second, and the server's heap and resident memory.
 * <p>The setup uses the administrator's API token: it creates the agents, a skill group of them, a round-the-clock
 * business calendar and routes every menu item of the chat settings to that group.
 * <p>Usage: {@code ChatLoadBenchmark <baseUrl> <adminToken> <chats> <agents> <seconds> <intervalSeconds> [serverPid]}
 */
public final class ChatLoadBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String[] QUESTIONS = {"宽带断网了怎么办", "怎么修改登录密码", "发票怎么开", "如何申请退款",
            "套餐怎么变更", "快递多久能到", "怎么查询账单", "会员积分怎么用"};
    private static final String[] LINES = {"你好，我想咨询一下订单的问题", "我的订单号是20261126001，一直没发货",
            "好的，谢谢你", "能不能帮我加急处理一下", "上次的问题还是没有解决", "请问大概需要多久"};
    private static final int WARM_UP_SECONDS = 20;
    /** How many visitors start their chat at once during the ramp; the bot's search is the heavy part. */
    private static final int RAMP_CONCURRENCY = 8;
    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

    private final String base;
    private final String adminToken;
    private final HttpClient http;
    private final ScheduledExecutorService timers = Executors.newScheduledThreadPool(4);
    /** Enough senders that a message never waits in this client for a free one. */
    private final ExecutorService work = Executors.newFixedThreadPool(64);
    /** Send start (nanoTime) of each message in flight, by its clientId. */
    private final Map<String, Long> sentAt = new ConcurrentHashMap<>();
    private final AtomicBoolean measuring = new AtomicBoolean();
    private final ConcurrentLinkedQueue<Long> deliveries = new ConcurrentLinkedQueue<>();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final Map<String, AtomicLong> failureReasons = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> byKind = new ConcurrentHashMap<>();
    private final AtomicInteger active = new AtomicInteger();
    private final List<Long> botLatencies = new ArrayList<>();

    private ChatLoadBenchmark(String base, String adminToken) {
        this.base = base;
        this.adminToken = adminToken;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(20)).build();
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int chats = Integer.parseInt(args[2]);
        int agents = Integer.parseInt(args[3]);
        int seconds = Integer.parseInt(args[4]);
        int interval = Integer.parseInt(args[5]);
        Long pid = args.length > 6 ? Long.valueOf(args[6]) : null;
        ChatLoadBenchmark bench = new ChatLoadBenchmark(base, args[1]);
        bench.run(chats, agents, seconds, interval, pid);
        System.exit(0);
    }

    private void run(int chats, int agentCount, int seconds, int interval, Long pid) throws Exception {
        String suffix = Long.toString(System.currentTimeMillis() % 100_000_000L, 36);
        int perAgent = (chats + agentCount - 1) / agentCount;
        List<Agent> agents = setUp(agentCount, perAgent, suffix);
        agents.forEach(Agent::listen);

        List<Visitor> visitors = new ArrayList<>();
        Semaphore ramp = new Semaphore(RAMP_CONCURRENCY);
        CountDownLatch started = new CountDownLatch(chats);
        long rampStart = System.nanoTime();
        for (int i = 0; i < chats; i++) {
            Visitor visitor = new Visitor(i);
            visitors.add(visitor);
            ramp.acquire();
            work.submit(() -> {
                try {
                    visitor.start();
                } catch (Exception e) {
                    failures.incrementAndGet();
                    System.err.println("visitor " + visitor.number + ": " + e.getMessage());
                } finally {
                    ramp.release();
                    started.countDown();
                }
            });
        }
        started.await();
        System.out.printf("ramp: %d chats started, bot answered and handed off in %.0f s%n", chats,
                (System.nanoTime() - rampStart) / 1e9);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (active.get() < chats && System.nanoTime() < deadline) {
            agents.forEach(Agent::takeWaiting);
            Thread.sleep(500);
        }
        System.out.printf("%d of %d chats taken by %d agents (%d each at most)%n", active.get(), chats,
                agentCount, perAgent);

        for (Visitor visitor : visitors) {
            if (visitor.chatId != null) {
                long delay = (long) (Math.random() * interval * 1000);
                timers.scheduleAtFixedRate(visitor::write, delay, interval * 1000L, TimeUnit.MILLISECONDS);
            }
        }
        Thread.sleep(WARM_UP_SECONDS * 1000L);
        long before = delivered.get();
        measuring.set(true);
        long windowStart = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        measuring.set(false);
        double window = (System.nanoTime() - windowStart) / 1e9;
        long count = delivered.get() - before;
        String memory = pid == null ? "" : memoryOf(pid);
        timers.shutdownNow();

        long[] latencies = deliveries.stream().mapToLong(Long::longValue).sorted().toArray();
        long[] bot;
        synchronized (botLatencies) {
            bot = botLatencies.stream().mapToLong(Long::longValue).sorted().toArray();
        }
        System.out.printf("chat delivery, %d live chats, a visitor message every %d s, each answered by the agent:"
                        + " %d messages delivered in %.0f s = %.0f messages/s, latency send-to-receipt p50 %.1f ms,"
                        + " p99 %.1f ms, max %.1f ms; failed: %s%n", active.get(), interval, count, window,
                count / window, pct(latencies, 50), pct(latencies, 99), pct(latencies, 100),
                failures.get() == 0 && failureReasons.isEmpty() ? "none"
                        : failureReasons + ", streams or chat starts " + failures.get());
        System.out.printf("bot answer latency (POST to the bot's message on the visitor's stream, %d questions,"
                + " %d at a time): p50 %.1f ms, p95 %.1f ms%n", bot.length, RAMP_CONCURRENCY, pct(bot, 50),
                pct(bot, 95));
        System.out.println("delivered by sender: " + byKind + ", still in flight: " + sentAt.size());
        if (!memory.isEmpty()) {
            System.out.println("server memory with " + active.get() + " live chats: " + memory);
        }
        for (Visitor visitor : visitors) {
            visitor.end();
        }
    }

    // ----- setup through the administrator's API token

    private List<Agent> setUp(int agentCount, int perAgent, String suffix) {
        long agentRole = 0;
        for (JsonNode role : admin("GET", "/api/v1/roles", null)) {
            if ("AGENT".equals(role.get("code").asString())) {
                agentRole = role.get("id").asLong();
            }
        }
        List<Agent> agents = new ArrayList<>();
        ArrayNode memberIds = JSON.createArrayNode();
        for (int i = 0; i < agentCount; i++) {
            ObjectNode staff = JSON.createObjectNode().put("username", "chatbench" + suffix + "a" + i)
                    .put("displayName", "压测坐席" + i).put("password", "Bench-Chat-" + suffix + "-2026");
            staff.putArray("roleIds").add(agentRole);
            long staffId = admin("POST", "/api/v1/staff", staff).get("id").asLong();
            memberIds.add(staffId);
            ObjectNode issue = JSON.createObjectNode().put("name", "chat bench").put("staffId", staffId);
            agents.add(new Agent(admin("POST", "/api/v1/tokens", issue).get("secret").asString(), perAgent));
        }
        ObjectNode group = JSON.createObjectNode().put("name", "在线客服压测" + suffix);
        group.set("memberIds", memberIds);
        long groupId = admin("POST", "/api/v1/skill-groups", group).get("id").asLong();

        ObjectNode calendar = JSON.createObjectNode().put("name", "全天在线" + suffix).put("zone", "Asia/Shanghai");
        ArrayNode periods = calendar.putArray("weeklyPeriods");
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")) {
            periods.addObject().put("dayOfWeek", day).put("start", "00:00").put("end", "24:00");
        }
        long calendarId = admin("POST", "/api/v1/sla/calendars", calendar).get("id").asLong();

        ObjectNode settings = (ObjectNode) admin("GET", "/api/v1/chat/settings", null);
        settings.put("calendarId", calendarId).put("maxChatsPerAgent", perAgent)
                .put("overflowLimit", 1_000_000).putNull("overflowGroupId");
        for (JsonNode item : settings.withArray("menu")) {
            ((ObjectNode) item).put("skillGroupId", groupId);
        }
        admin("PUT", "/api/v1/chat/settings", settings);
        return agents;
    }

    private JsonNode admin(String method, String path, JsonNode body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + adminToken).header("Accept", "application/json");
        Response response = send(request, method, body);
        if (response.status() >= 300) {
            throw new IllegalStateException(method + " " + path + " answered " + response.status() + ": "
                    + response.body());
        }
        return JSON.readTree(response.body());
    }

    // ----- an agent: one staff event stream, takes chats, answers every visitor message

    private final class Agent {
        final String token;
        /** Her limit in the settings: a take beyond it would be refused anyway. */
        final int capacity;
        final Set<Long> chats = ConcurrentHashMap.newKeySet();

        Agent(String token, int capacity) {
            this.token = token;
            this.capacity = capacity;
        }

        void listen() {
            request("PUT", "/api/v1/chat/presence", JSON.createObjectNode().put("status", "ONLINE"));
            stream(HttpRequest.newBuilder(URI.create(base + "/api/v1/chat/events"))
                    .header("Authorization", "Bearer " + token), this::event);
        }

        void takeWaiting() {
            if (chats.size() >= capacity()) {
                return;
            }
            Response queue = request("GET", "/api/v1/chat/queue", null);
            if (queue.status() != 200) {
                return;
            }
            for (JsonNode chat : JSON.readTree(queue.body())) {
                if (chats.size() >= capacity()) {
                    return;
                }
                long id = chat.get("id").asLong();
                if (request("POST", "/api/v1/chat/chats/" + id + "/take", null).status() == 200 && chats.add(id)) {
                    active.incrementAndGet();
                }
            }
        }

        private int capacity() {
            return capacity;
        }

        private void event(String name, String data) {
            if (!"message".equals(name)) {
                return;
            }
            JsonNode message = JSON.readTree(data);
            long chatId = message.get("chatId").asLong();
            // Her stream also shows her groups' waiting chats; she answers only those she holds.
            if (!"VISITOR".equals(message.path("senderKind").asString()) || !chats.contains(chatId)) {
                return;
            }
            received(message);
            String clientId = UUID.randomUUID().toString();
            ObjectNode reply = JSON.createObjectNode().put("clientId", clientId)
                    .put("text", "您好，" + LINES[(int) (message.get("seq").asLong() % LINES.length)] + "，已为您记录");
            work.submit(() -> {
                sentAt.put(clientId, System.nanoTime());
                failedIf("agent reply", request("POST", "/api/v1/chat/chats/" + chatId + "/messages", reply));
            });
        }

        private Response request(String method, String path, JsonNode body) {
            return send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token),
                    method, body);
        }
    }

    // ----- a visitor: one widget visit, one chat, one event stream

    private final class Visitor {
        final int number;
        final String address;
        String token;
        Long chatId;
        private final AtomicInteger lines = new AtomicInteger();
        /** When each of the bot's messages arrived, by seq: its greeting comes too, and may come last. */
        private final Map<Long, Long> botArrivals = new ConcurrentHashMap<>();

        Visitor(int number) {
            this.number = number;
            // Distinct addresses, as 1,000 visitors of a real site would have, so per-address limits apply per person.
            this.address = "10.77." + (number / 250) + "." + (number % 250 + 1);
        }

        void start() throws InterruptedException {
            ObjectNode visit = JSON.createObjectNode();
            visit.putObject("page").put("url", "https://shop.example.com/orders/" + number).put("title", "我的订单");
            JsonNode visited = JSON.readTree(expect(request("POST", "/chat/api/visits", visit), "visit").body());
            token = visited.get("visitorToken").asString();
            JsonNode chat = JSON.readTree(expect(request("POST", "/chat/api/chats", JSON.createObjectNode()),
                    "chat").body());
            chatId = chat.get("id").asLong();
            stream(HttpRequest.newBuilder(URI.create(base + "/chat/api/chats/" + chatId + "/events?visitor="
                    + URLEncoder.encode(token, StandardCharsets.UTF_8))).header("X-Forwarded-For", address),
                    this::event);
            long asked = System.nanoTime();
            ObjectNode ask = JSON.createObjectNode().put("clientId", UUID.randomUUID().toString())
                    .put("text", QUESTIONS[number % QUESTIONS.length]);
            long question = JSON.readTree(expect(request("POST", "/chat/api/chats/" + chatId + "/messages", ask),
                    "question").body()).get("seq").asLong();
            long deadline = asked + TimeUnit.SECONDS.toNanos(60);
            Long answered = null;
            while (answered == null && System.nanoTime() < deadline) {
                answered = botArrivals.entrySet().stream().filter(e -> e.getKey() > question)
                        .map(Map.Entry::getValue).min(Long::compare).orElse(null);
                if (answered == null) {
                    Thread.sleep(5);
                }
            }
            if (answered == null) {
                System.err.println("visitor " + number + ": no bot answer in 60 s");
            } else {
                synchronized (botLatencies) {
                    botLatencies.add(answered - asked);
                }
            }
            expect(request("POST", "/chat/api/chats/" + chatId + "/handoff", null), "handoff");
        }

        void write() {
            String clientId = UUID.randomUUID().toString();
            ObjectNode message = JSON.createObjectNode().put("clientId", clientId)
                    .put("text", LINES[lines.getAndIncrement() % LINES.length]);
            work.submit(() -> {
                sentAt.put(clientId, System.nanoTime());
                failedIf("visitor message", request("POST", "/chat/api/chats/" + chatId + "/messages", message));
            });
        }

        void end() {
            if (chatId != null) {
                request("POST", "/chat/api/chats/" + chatId + "/end", null);
            }
        }

        private void event(String name, String data) {
            if (!"message".equals(name)) {
                return;
            }
            JsonNode message = JSON.readTree(data);
            String kind = message.path("senderKind").asString();
            if ("BOT".equals(kind)) {
                botArrivals.putIfAbsent(message.get("seq").asLong(), System.nanoTime());
            } else if ("AGENT".equals(kind)) {
                received(message);
            }
        }

        private Response request(String method, String path, JsonNode body) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .header("X-Forwarded-For", address);
            if (token != null) {
                request.header("X-Kefu-Visitor", token);
            }
            return send(request, method, body);
        }

        private Response expect(Response response, String what) {
            if (response.status() >= 300) {
                throw new IllegalStateException(what + " answered " + response.status() + ": " + response.body());
            }
            return response;
        }
    }

    // ----- shared plumbing

    private void received(JsonNode message) {
        Long start = sentAt.remove(message.path("clientId").asString());
        if (start != null) {
            delivered.incrementAndGet();
            byKind.computeIfAbsent(message.path("senderKind").asString(), k -> new AtomicLong()).incrementAndGet();
            if (measuring.get()) {
                deliveries.add(System.nanoTime() - start);
            }
        }
    }

    private record Response(int status, String body) {
    }

    /** Counts a refused or failed request, and tells the first few apart by what answered. */
    private void failedIf(String what, Response response) {
        if (response.status() >= 300) {
            String reason = what + " " + response.status();
            if (failureReasons.computeIfAbsent(reason, r -> new AtomicLong()).incrementAndGet() == 1) {
                System.err.println(reason + ": " + response.body());
            }
        }
    }

    private Response send(HttpRequest.Builder request, String method, JsonNode body) {
        request.timeout(Duration.ofSeconds(60)).header("Accept-Language", "zh-CN");
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
        try {
            HttpResponse<String> response = http.send(request.method(method, publisher).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Response(599, String.valueOf(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Response(599, "interrupted");
        }
    }

    /** Reads a Server-Sent Events stream without holding a thread: each complete event goes to the handler. */
    private void stream(HttpRequest.Builder request, BiConsumer<String, String> handler) {
        HttpRequest get = request.header("Accept", "text/event-stream").GET().build();
        CompletableFuture<HttpResponse<Void>> response = http.sendAsync(get,
                HttpResponse.BodyHandlers.fromLineSubscriber(new EventLines(handler)));
        response.whenComplete((r, e) -> {
            if (e != null || r.statusCode() != 200) {
                failures.incrementAndGet();
                System.err.println("event stream " + get.uri().getPath() + " ended: "
                        + (e != null ? e.getMessage() : r.statusCode()));
            }
        });
    }

    private static final class EventLines implements Flow.Subscriber<String> {
        private final BiConsumer<String, String> handler;
        private String name = "message";
        private final StringBuilder data = new StringBuilder();

        EventLines(BiConsumer<String, String> handler) {
            this.handler = handler;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            if (line.isEmpty()) {
                if (!data.isEmpty()) {
                    try {
                        handler.accept(name, data.toString());
                    } catch (RuntimeException e) {
                        System.err.println("event " + name + ": " + e);
                    }
                }
                name = "message";
                data.setLength(0);
            } else if (line.startsWith("event:")) {
                name = line.substring(6).strip();
            } else if (line.startsWith("data:")) {
                if (!data.isEmpty()) {
                    data.append('\n');
                }
                data.append(line.substring(5).stripLeading());
            }
        }

        @Override
        public void onError(Throwable throwable) {
        }

        @Override
        public void onComplete() {
        }
    }

    /** Heap used after the run (from {@code jcmd GC.heap_info}) and the resident set of the server process. */
    private static String memoryOf(long pid) {
        String heap = "?";
        try {
            Process jcmd = new ProcessBuilder("jcmd", Long.toString(pid), "GC.heap_info").redirectErrorStream(true)
                    .start();
            String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            Matcher m = HEAP_USED.matcher(out);
            if (m.find()) {
                heap = (Long.parseLong(m.group(1)) / 1024) + " MB";
            }
            String status = Files.readString(Path.of("/proc/" + pid + "/status"));
            Matcher rss = Pattern.compile("VmRSS:\\s+(\\d+) kB").matcher(status);
            Matcher peak = Pattern.compile("VmHWM:\\s+(\\d+) kB").matcher(status);
            return "heap used " + heap + ", RSS " + (rss.find() ? Long.parseLong(rss.group(1)) / 1024 : 0)
                    + " MB (peak " + (peak.find() ? Long.parseLong(peak.group(1)) / 1024 : 0) + " MB)";
        } catch (IOException e) {
            return "not read: " + e.getMessage();
        }
    }

    static double pct(long[] sortedNanos, int percentile) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(percentile / 100.0 * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, Math.min(index, sortedNanos.length - 1))] / 1e6;
    }
}
