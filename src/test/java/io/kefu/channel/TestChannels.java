package io.kefu.channel;

import java.util.UUID;

import io.kefu.ApiClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Channels made through the administrators' API, with the secrets it shows once. */
final class TestChannels {

    private TestChannels() {
    }

    record Made(long id, String inboundSecret, String connectorSecret) {
    }

    static Made create(ApiClient admin, String kind, String identityKind, String connectorUrl) {
        String url = connectorUrl == null ? "null" : "\"" + connectorUrl + "\"";
        ApiClient.Response created = admin.post("/api/v1/channels", """
                {"name": "%s %s", "kind": "%s", "identityKind": "%s", "connectorUrl": %s}"""
                .formatted(kind, UUID.randomUUID(), kind, identityKind, url));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode json = created.json();
        return new Made(json.get("channel").get("id").asLong(), json.get("inboundSecret").asString(),
                json.get("connectorSecret").asString());
    }

    static String uniqueId(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "");
    }

    /** A plain text message in the documented shape. */
    static String message(String messageId, String senderId, String name, String text) {
        return """
                {"messageId": "%s", "sentAt": "2026-05-01T09:30:00+08:00",
                 "sender": {"id": "%s", "name": "%s"}, "text": "%s"}""".formatted(messageId, senderId, name, text);
    }
}
