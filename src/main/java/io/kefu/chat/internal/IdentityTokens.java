package io.kefu.chat.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.kefu.platform.DomainException;
import io.kefu.platform.Text;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Signed identity tokens from the company's site: {@code base64url(json) + "." + base64url(HMAC-SHA256(secret,
 * first part))}, the JSON holding {@code customerRef}, {@code name}, optional {@code phone} and {@code email}, and
 * {@code exp} in epoch seconds. A bad signature, a malformed token and an expired one are all refused with 401.
 */
@Component
public class IdentityTokens {

    /** Who the company's site says the visitor is. */
    public record Identity(String customerRef, String name, String phone, String email) {
    }

    private final JsonMapper json;

    IdentityTokens(JsonMapper json) {
        this.json = json;
    }

    public Identity verify(String token, String secret, Instant now) {
        int dot = token.indexOf('.');
        if (dot <= 0 || secret == null) {
            throw refused();
        }
        String payload = token.substring(0, dot);
        byte[] signature;
        try {
            signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
        } catch (IllegalArgumentException malformed) {
            throw refused();
        }
        if (!MessageDigest.isEqual(sign(payload, secret), signature)) {
            throw refused();
        }
        try {
            JsonNode claims = json.readTree(Base64.getUrlDecoder().decode(payload));
            String ref = Text.blankToNull(claims.path("customerRef").asString(null));
            if (ref == null || !claims.path("exp").canConvertToLong()) {
                throw refused();
            }
            if (Instant.ofEpochSecond(claims.path("exp").asLong()).isBefore(now)) {
                throw new DomainException(HttpStatus.UNAUTHORIZED, "chat.identityExpired");
            }
            return new Identity(Text.truncate(ref, 100),
                    Text.truncate(Text.blankToNull(claims.path("name").asString(null)), 200),
                    Text.blankToNull(claims.path("phone").asString(null)),
                    Text.blankToNull(claims.path("email").asString(null)));
        } catch (IllegalArgumentException | JacksonException malformed) {
            throw refused();
        }
    }

    /** The signature of a token's first part, as the company's site computes it. */
    public static byte[] sign(String payload, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static DomainException refused() {
        return new DomainException(HttpStatus.UNAUTHORIZED, "chat.identityInvalid");
    }
}
