package io.kefu.notification.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.kefu.notification.SmsGateway;
import tools.jackson.databind.json.JsonMapper;

/**
 * A generic gateway for SMS providers with an HTTP API, or for a relay of the company's own: posts
 * {@code {"to": ..., "text": ..., "id": ...}} as JSON, with an optional bearer token and an HMAC-SHA256 signature of
 * the body ({@code X-Kefu-Signature: sha256=<hex>}) so the receiver can tell the request came from Kefu. Any 2xx
 * answer means sent; anything else is a failure the outbox retries.
 */
class HttpSmsGateway implements SmsGateway {

    static final String SIGNATURE_HEADER = "X-Kefu-Signature";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI url;
    private final String token;
    private final byte[] secret;

    HttpSmsGateway(String url, String token, String secret) {
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("kefu.notification.sms.url is required for the http SMS provider");
        }
        this.url = URI.create(url.trim());
        this.token = token == null || token.isBlank() ? null : token.trim();
        this.secret = secret == null || secret.isBlank() ? null : secret.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void send(String phone, String text) {
        send(phone, text, UUID.randomUUID().toString());
    }

    @Override
    public void send(String phone, String text, String messageId) {
        Map<String, String> message = new LinkedHashMap<>();
        message.put("to", phone);
        message.put("text", text);
        message.put("id", messageId);
        byte[] body = JSON.writeValueAsBytes(message);
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(TIMEOUT)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (secret != null) {
            request.header(SIGNATURE_HEADER, "sha256=" + sign(body));
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("SMS gateway unreachable: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending an SMS", e);
        }
        if (response.statusCode() / 100 != 2) {
            String answer = response.body() == null ? "" : response.body();
            throw new IllegalStateException("SMS gateway answered " + response.statusCode() + ": "
                    + answer.substring(0, Math.min(answer.length(), 300)));
        }
    }

    private String sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
