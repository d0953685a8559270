package io.kefu.customer.internal;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import io.kefu.customer.IdentityKind;
import org.springframework.core.io.ClassPathResource;

/** What a column of an imported file can hold. Custom attributes are mapped as {@code attribute:<key>}. */
public enum ImportField {
    NAME, TYPE, PHONE(IdentityKind.PHONE), EMAIL(IdentityKind.EMAIL), WECHAT_OPENID(IdentityKind.WECHAT_OPENID),
    WECHAT_UNIONID(IdentityKind.WECHAT_UNIONID), APP_USER_ID(IdentityKind.APP_USER_ID),
    MEMBER_NO(IdentityKind.MEMBER_NO), ID_NUMBER(IdentityKind.ID_NUMBER), TIER, TAGS, REGION, LIFECYCLE_STAGE,
    BIRTHDAY, CONSENT_EMAIL, CONSENT_SMS, CONSENT_PHONE, OWNER;

    private static final Map<String, ImportField> BY_HEADER = loadHeaders();

    private final IdentityKind identity;

    ImportField() {
        this(null);
    }

    ImportField(IdentityKind identity) {
        this.identity = identity;
    }

    /** The identity this column carries, or null. */
    public IdentityKind identity() {
        return identity;
    }

    /** The field a column header most likely names (姓名, 手机号, Email...), or null. */
    public static ImportField guess(String header) {
        return header == null ? null : BY_HEADER.get(header.strip().toLowerCase(Locale.ROOT).replace("_", " "));
    }

    private static Map<String, ImportField> loadHeaders() {
        Properties aliases = new Properties();
        try (Reader in = new InputStreamReader(new ClassPathResource("customer/import-headers.properties")
                .getInputStream(), StandardCharsets.UTF_8)) {
            aliases.load(in);
        } catch (IOException e) {
            throw new IllegalStateException("customer/import-headers.properties cannot be read", e);
        }
        Map<String, ImportField> byHeader = new HashMap<>();
        for (ImportField field : values()) {
            for (String alias : List.of(aliases.getProperty(field.name(), "").split(","))) {
                if (!alias.isBlank()) {
                    byHeader.put(alias.strip(), field);
                }
            }
        }
        return Map.copyOf(byHeader);
    }
}
