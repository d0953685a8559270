package io.kefu.channel;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.kefu.ApiClient;

/**
 * The signing scheme as README.md documents it, written again from the document (not taken from the application):
 * {@code X-Kefu-Signature: sha256=hex(HMAC-SHA256(secret, timestamp + "." + body))}.
 */
final class SignedRequests {

    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;

    SignedRequests(int port) {
        this.baseUrl = "http://localhost:" + port;
    }

    static String signature(String secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Posts the message signed now with the secret. */
    ApiClient.Response post(long channelId, String secret, String json) {
        return post(channelId, secret, json, Instant.now().getEpochSecond(), "en");
    }

    ApiClient.Response post(long channelId, String secret, String json, long timestamp, String language) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return send(channelId, body, Long.toString(timestamp), signature(secret, timestamp, body), language);
    }

    /** Posts the body with exactly these headers; a null header is left out. */
    ApiClient.Response send(long channelId, byte[] body, String timestamp, String signature, String language) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/channels/" + channelId
                        + "/inbound"))
                .header("Content-Type", "application/json")
                .header("Accept-Language", language)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (timestamp != null) {
            request.header("X-Kefu-Timestamp", timestamp);
        }
        if (signature != null) {
            request.header("X-Kefu-Signature", signature);
        }
        try {
            HttpResponse<String> response = http.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new ApiClient.Response(response.statusCode(), response.body(),
                    response.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
