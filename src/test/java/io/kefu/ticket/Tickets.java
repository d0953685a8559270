package io.kefu.ticket;

import io.kefu.ApiClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Small steps the ticket tests share (and others that need tickets): open a ticket for a new customer, move it. */
public final class Tickets {

    private Tickets() {
    }

    public static String uniquePhone() {
        long n = (System.nanoTime() / 7) % 100_000_000L;
        return "137" + String.format("%08d", n);
    }

    public static String newTicketJson(String type, String phone, String subject) {
        return """
                {"customer": {"name": "王小明", "phones": ["%s"]}, "type": "%s", "priority": "HIGH",
                 "channel": "PHONE", "subject": "%s", "description": "从昨天开始宽带断网，光猫指示灯闪红。"}"""
                .formatted(phone, type, subject);
    }

    static long open(ApiClient client, String type) {
        ApiClient.Response created = client.post("/api/v1/tickets", newTicketJson(type, uniquePhone(), "宽带断网"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    static ApiClient.Response act(ApiClient client, long id, String action) {
        return client.post("/api/v1/tickets/" + id + "/transitions", "{\"action\": \"" + action + "\"}");
    }
}
