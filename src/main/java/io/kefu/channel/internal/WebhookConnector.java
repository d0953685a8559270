package io.kefu.channel.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.kefu.channel.ChannelConnector;
import io.kefu.channel.OutgoingMessage;
import tools.jackson.databind.json.JsonMapper;

/**
 * The built-in connector: posts each reply as JSON to the channel's address, signed like inbound messages (the
 * connector's own secret, the timestamp of this attempt). Any 2xx answer means delivered; anything else, or no
 * answer, is a failure the outbox retries.
 */
class WebhookConnector implements ChannelConnector {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int ANSWER_EXCERPT = 300;

    private final HttpClient http;
    private final URI url;
    private final String secret;
    private final Duration timeout;

    WebhookConnector(HttpClient http, String url, String secret, Duration timeout) {
        this.http = http;
        this.url = URI.create(url);
        this.secret = secret;
        this.timeout = timeout;
    }

    @Override
    public void deliver(OutgoingMessage message) {
        byte[] body = JSON.writeValueAsBytes(payload(message));
        long timestamp = Instant.now().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .header(Signature.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(Signature.SIGNATURE_HEADER, Signature.sign(secret, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("receiver unreachable: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while delivering a reply", e);
        }
        if (response.statusCode() / 100 != 2) {
            String answer = response.body() == null ? "" : response.body();
            throw new IllegalStateException("receiver answered " + response.statusCode() + ": "
                    + answer.substring(0, Math.min(answer.length(), ANSWER_EXCERPT)));
        }
    }

    /** The callback's JSON: documented in README.md ("Messaging channels"). */
    private static Map<String, Object> payload(OutgoingMessage message) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("messageId", message.messageId());
        payload.put("channelId", message.channelId());
        payload.put("ticketId", message.ticketId());
        payload.put("ticketNumber", message.ticketNumber());
        payload.put("recipient", Map.of("id", message.recipientId()));
        payload.put("conversationId", message.conversationId());
        payload.put("text", message.text());
        payload.put("agentName", message.agentName());
        payload.put("sentAt", message.sentAt().toString());
        return payload;
    }
}
