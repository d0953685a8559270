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

    ChatFixtures(int port) {
        this.port = port;
        admin = new ApiClient(port, TestAccounts.BOOTSTRAP_TOKEN);
        agent = new ApiClient(port, Lookups.tokenFor(admin, Lookups.staffId(admin, TestAccounts.AGENT)));
        supervisor = new ApiClient(port, Lookups.tokenFor(admin, Lookups.staffId(admin, TestAccounts.SUPERVISOR)));
    }

    /** The same staff, on another node. */
    ApiClient on(int otherPort, ApiClient client, String username) {
        return new ApiClient(otherPort, Lookups.tokenFor(admin, Lookups.staffId(admin, username)));
    }

    /** Settings with the office always open, the bot never confident enough, and a high overflow limit. */
    void settings(String changes) {
        JsonNode current = admin.get("/api/v1/chat/settings").json();
        String calendar = current.get("calendarId").isNull() ? String.valueOf(alwaysOpenCalendar())
                : current.get("calendarId").toString();
        String body = """
                {"welcome": null, "menu": %s, "calendarId": %s, "overflowLimit": 1000, "overflowGroupId": null,
                 "maxChatsPerAgent": 50, "botConfidence": 1.0, "allowedOrigins": ["https://shop.example.com"],
                 "identitySecret": null}""".formatted(current.get("menu").toString(), calendar);
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

    long neverOpenCalendar() {
        return admin.post("/api/v1/sla/calendars", "{\"name\": \"" + UUID.randomUUID().toString().substring(0, 8)
                + "\", \"zone\": \"Asia/Shanghai\", \"weeklyPeriods\": []}").json().get("id").asLong();
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

        ApiClient.Response as(String path) {
            return post(path, "{}");
        }
    }

    static final Duration WAIT = Duration.ofSeconds(10);

    static String agentMessage(String text) {
        return "{\"clientId\": \"" + UUID.randomUUID() + "\", \"text\": \"" + text + "\"}";
    }
}
