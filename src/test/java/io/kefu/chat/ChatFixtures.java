package io.kefu.chat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.kefu.ApiClient;
import io.kefu.Lookups;
import io.kefu.TestAccounts;
import tools.jackson.databind.JsonNode;

/** A visitor's widget and the staff's API clients, talking to a running node over real HTTP. */
final class ChatFixtures {

    final int port;
    final ApiClient admin;
    final ApiClient agent;
    final ApiClient supervisor;
    final String agentToken;
    final String supervisorToken;
    private static long openCalendar;

    ChatFixtures(int port) {
        this.port = port;
        admin = new ApiClient(port, TestAccounts.BOOTSTRAP_TOKEN);
        agentToken = Lookups.tokenFor(admin, Lookups.staffId(admin, TestAccounts.AGENT));
        supervisorToken = Lookups.tokenFor(admin, Lookups.staffId(admin, TestAccounts.SUPERVISOR));
        agent = new ApiClient(port, agentToken);
        supervisor = new ApiClient(port, supervisorToken);
    }

    /** The same staff, on another node. */
    ApiClient on(int otherPort, ApiClient client, String username) {
        return new ApiClient(otherPort, Lookups.tokenFor(admin, Lookups.staffId(admin, username)));
    }

    static final String DEFAULT_MENU = """
            [{"key": "consult", "label": "chat.menu.consult", "skillGroupId": null},
             {"key": "inquiry", "label": "chat.menu.inquiry", "skillGroupId": null},
             {"key": "service", "label": "chat.menu.service", "skillGroupId": null},
             {"key": "afterSales", "label": "chat.menu.afterSales", "skillGroupId": null},
             {"key": "complaint", "label": "chat.menu.complaint", "skillGroupId": null},
             {"key": "other", "label": "chat.menu.other", "skillGroupId": null}]""";

    /**
     * Settings with the default menu, the office always open, the bot never confident enough, and a high overflow
     * limit; then the given changes.
     */
    void settings(String changes) {
        if (openCalendar == 0) {
            openCalendar = alwaysOpenCalendar();
        }
        String body = """
                {"welcome": null, "menu": %s, "calendarId": %d, "overflowLimit": 1000, "overflowGroupId": null,
                 "maxChatsPerAgent": 50, "botConfidence": 1.0, "allowedOrigins": ["https://shop.example.com"],
                 "identitySecret": null}""".formatted(DEFAULT_MENU, openCalendar);
        ApiClient.Response response = admin.put("/api/v1/chat/settings", merge(body, changes));
        if (response.status() != 200) {
            throw new IllegalStateException(response.body());
        }
    }

    long alwaysOpenCalendar() {
        StringBuilder week = new StringBuilder();
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")) {
            week.append(week.isEmpty() ? "" : ",")
                    .append("{\"dayOfWeek\": \"%s\", \"start\": \"00:00\", \"end\": \"24:00\"}".formatted(day));
        }
        return admin.post("/api/v1/sla/calendars", "{\"name\": \"" + UUID.randomUUID().toString().substring(0, 8)
                + "\", \"zone\": \"Asia/Shanghai\", \"weeklyPeriods\": [" + week + "]}").json().get("id").asLong();
    }

    /** A calendar whose only working minute is early on Monday, and today and tomorrow are holidays. */
    long neverOpenCalendar() {
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        ApiClient.Response created = admin.post("/api/v1/sla/calendars", ("{\"name\": \"" + UUID.randomUUID()
                .toString().substring(0, 8) + "\", \"zone\": \"Asia/Shanghai\", \"weeklyPeriods\": "
                + "[{\"dayOfWeek\": \"MONDAY\", \"start\": \"00:00\", \"end\": \"00:01\"}], \"holidays\": "
                + "[{\"date\": \"%s\", \"name\": \"a\"}, {\"date\": \"%s\", \"name\": \"b\"}]}")
                .formatted(today, today.plusDays(1)));
        if (created.status() != 201) {
            throw new IllegalStateException(created.body());
        }
        return created.json().get("id").asLong();
    }

    private static String merge(String base, String changes) {
        var json = tools.jackson.databind.json.JsonMapper.builder().build();
        var node = (tools.jackson.databind.node.ObjectNode) json.readTree(base);
        json.readTree(changes).properties().forEach(e -> node.set(e.getKey(), e.getValue()));
        return node.toString();
    }

    Visitor visitor() {
        return visitor(port);
    }

    Visitor visitor(int onPort) {
        ApiClient.Response visit = new ApiClient(onPort, null).post("/chat/api/visits",
                "{\"page\": {\"url\": \"https://shop.example.com/plans\", \"title\": \"Plans\"}}");
        if (visit.status() != 200) {
            throw new IllegalStateException(visit.body());
        }
        return new Visitor(onPort, visit.json().get("visitorToken").asString(), visit.json());
    }

    /** A visitor's widget: every call carries her token. */
    record Visitor(int port, String token, JsonNode visit) {

        ApiClient.Response post(String path, String json) {
            return new ApiClient(port, null).post(path, json, Map.of("X-Kefu-Visitor", token));
        }

        JsonNode start(String menuKey) {
            ApiClient.Response chat = post("/chat/api/chats", menuKey == null ? "{}" : "{\"menuKey\": \"" + menuKey + "\"}");
            if (chat.status() != 201) {
                throw new IllegalStateException(chat.body());
            }
            return chat.json();
        }

        /** Asks for a person in the chat, and the staff member takes it. */
        void handTo(long chatId, ApiClient staff) {
            as("/chat/api/chats/" + chatId + "/handoff");
            ApiClient.Response taken = staff.post("/api/v1/chat/chats/" + chatId + "/take", "{}");
            if (taken.status() != 200) {
                throw new IllegalStateException(taken.body());
            }
        }

        /** A new chat, already taken by the staff member; answers its id. */
        long chatWith(ApiClient staff) {
            long chatId = start(null).get("id").asLong();
            handTo(chatId, staff);
            return chatId;
        }

        ApiClient.Response say(long chatId, String text) {
            return post("/chat/api/chats/" + chatId + "/messages",
                    "{\"clientId\": \"" + UUID.randomUUID() + "\", \"text\": \"" + text + "\"}");
        }

        EventStream events(long chatId, String lastEventId) {
            return lastEventId == null
                    ? new EventStream("http://localhost:" + port + "/chat/api/chats/" + chatId + "/events?visitor=" + token, Map.of())
                    : new EventStream("http://localhost:" + port + "/chat/api/chats/" + chatId + "/events",
                    Map.of("X-Kefu-Visitor", token, "Last-Event-ID", lastEventId));
        }

        /** Sends a file as the widget does (multipart {@code file} and {@code clientId}). */
        ApiClient.Response upload(long chatId, String fileName, byte[] content) {
            String boundary = "kefu-" + System.nanoTime();
            java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"clientId\"\r\n\r\n"
                    + UUID.randomUUID() + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; "
                    + "filename=\"" + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            body.writeBytes(content);
            body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            try {
                var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                                java.net.URI.create("http://localhost:" + port + "/chat/api/chats/" + chatId + "/files"))
                        .header("X-Kefu-Visitor", token)
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                return new ApiClient.Response(response.statusCode(), response.body(),
                        response.headers().firstValue("Content-Type").orElse(""));
            } catch (java.io.IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }

        ApiClient.Response as(String path) {
            return post(path, "{}");
        }
    }

    static final Duration WAIT = Duration.ofSeconds(10);

    static String agentMessage(String text) {
        return "{\"clientId\": \"" + UUID.randomUUID() + "\", \"text\": \"" + text + "\"}";
    }
}
