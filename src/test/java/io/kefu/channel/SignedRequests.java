package io.kefu.channel;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.kefu.ApiClient;

/**
 * The signing scheme as README.md documents it, written again from the document (not taken from the application):
 * {@code X-Kefu-Signature: sha256=hex(HMAC-SHA256(secret, timestamp + "." + body))}. Requests carry no token.
 */
final class SignedRequests {

    private final ApiClient anonymous;

    SignedRequests(int port) {
        this.anonymous = new ApiClient(port, null);
    }

    static String signature(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Posts the message signed now with the secret. */
    ApiClient.Response post(long channelId, String secret, String json) {
        return post(channelId, secret, json, Instant.now().getEpochSecond(), "en");
    }

    ApiClient.Response post(long channelId, String secret, String json, long timestamp, String language) {
        return send(channelId, json, Long.toString(timestamp), signature(secret, timestamp, json), language);
    }

    /** Posts the body with exactly these headers; a null header is left out. */
    ApiClient.Response send(long channelId, String json, String timestamp, String signature, String language) {
        Map<String, String> headers = new HashMap<>();
        if (timestamp != null) {
            headers.put("X-Kefu-Timestamp", timestamp);
        }
        if (signature != null) {
            headers.put("X-Kefu-Signature", signature);
        }
        return anonymous.inLanguage(language).post("/api/v1/channels/" + channelId + "/inbound", json, headers);
    }
}
