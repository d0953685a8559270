package io.kefu.channel.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signing scheme of both directions: {@code X-Kefu-Signature: sha256=<hex>}, the HMAC-SHA256 of
 * {@code <X-Kefu-Timestamp> + "." + <raw body>} keyed with the secret's UTF-8 bytes, the timestamp in epoch seconds.
 * Signing the timestamp with the body lets a receiver refuse an old request replayed as it was.
 */
public final class Signature {

    public static final String TIMESTAMP_HEADER = "X-Kefu-Timestamp";
    public static final String SIGNATURE_HEADER = "X-Kefu-Signature";
    private static final String PREFIX = "sha256=";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Signature() {
    }

    /** A new secret: 32 random bytes, URL-safe base64, with a prefix that says what it is. */
    static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "kefu_whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The header value, {@code sha256=<hex>}. */
    static String sign(String secret, long timestamp, byte[] body) {
        return PREFIX + HexFormat.of().formatHex(mac(secret, timestamp, body));
    }

    /** Whether the header carries this body's signature; compared in constant time. */
    static boolean matches(String secret, long timestamp, byte[] body, String header) {
        if (header == null || !header.startsWith(PREFIX)) {
            return false;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(header.substring(PREFIX.length()).trim().toLowerCase());
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(mac(secret, timestamp, body), given);
    }

    private static byte[] mac(String secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
