package io.kefu.chat.internal;

import java.net.URI;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.kefu.audit.AuditLog;
import io.kefu.identity.StaffDirectory;
import io.kefu.platform.DomainException;
import io.kefu.platform.Text;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads and changes the one row of chat settings; the identity secret is generated on first read. */
@Component
public class ChatSettingsStore {

    private static final TypeReference<List<ChatSettings.MenuItem>> MENU = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> ORIGINS = new TypeReference<>() {
    };
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final StaffDirectory staff;
    private final AuditLog audit;

    ChatSettingsStore(JdbcClient jdbc, JsonMapper json, StaffDirectory staff, AuditLog audit) {
        this.jdbc = jdbc;
        this.json = json;
        this.staff = staff;
        this.audit = audit;
    }

    @Transactional
    public ChatSettings current() {
        ChatSettings settings = read();
        if (settings.identitySecret() == null) {
            byte[] key = new byte[32];
            RANDOM.nextBytes(key);
            jdbc.sql("UPDATE chat_settings SET identity_secret = :secret WHERE id = 1 AND identity_secret IS NULL")
                    .param("secret", Base64.getUrlEncoder().withoutPadding().encodeToString(key)).update();
            settings = read();
        }
        return settings;
    }

    /** Replaces the settings after checking them; a blank identity secret keeps the current one. */
    @Transactional
    public ChatSettings update(ChatSettings changed) {
        ChatSettings current = current();
        List<ChatSettings.MenuItem> menu = checkedMenu(changed.menu());
        if (changed.overflowLimit() < 1) {
            throw DomainException.onField(HttpStatus.BAD_REQUEST, "overflowLimit", "chat.settings.atLeastOne");
        }
        if (changed.maxChatsPerAgent() < 1) {
            throw DomainException.onField(HttpStatus.BAD_REQUEST, "maxChatsPerAgent", "chat.settings.atLeastOne");
        }
        if (changed.botConfidence() < 0 || changed.botConfidence() > 1) {
            throw DomainException.onField(HttpStatus.BAD_REQUEST, "botConfidence", "chat.settings.confidence");
        }
        checkGroup("overflowGroupId", changed.overflowGroupId());
        String secret = Text.blankToNull(changed.identitySecret());
        if (secret != null && secret.length() < 16) {
            throw DomainException.onField(HttpStatus.BAD_REQUEST, "identitySecret", "chat.settings.shortSecret");
        }
        jdbc.sql("""
                        UPDATE chat_settings SET welcome = :welcome, menu = CAST(:menu AS jsonb),
                            calendar_id = :calendar, overflow_limit = :limit, overflow_group_id = :overflowGroup,
                            max_chats_per_agent = :maxChats, bot_confidence = :confidence,
                            allowed_origins = CAST(:origins AS jsonb), identity_secret = :secret
                        WHERE id = 1""")
                .param("welcome", Text.truncate(Text.blankToNull(changed.welcome()), 2000))
                .param("menu", json.writeValueAsString(menu))
                .param("calendar", changed.calendarId())
                .param("limit", changed.overflowLimit())
                .param("overflowGroup", changed.overflowGroupId())
                .param("maxChats", changed.maxChatsPerAgent())
                .param("confidence", changed.botConfidence())
                .param("origins", json.writeValueAsString(checkedOrigins(changed.allowedOrigins())))
                .param("secret", secret == null ? current.identitySecret() : secret)
                .update();
        audit.record("chat.settingsChanged", "chat_settings", 1L, null);
        return read();
    }

    private ChatSettings read() {
        return jdbc.sql("SELECT * FROM chat_settings WHERE id = 1").query((rs, n) -> new ChatSettings(
                rs.getString("welcome"), json.readValue(rs.getString("menu"), MENU),
                rs.getObject("calendar_id", Long.class), rs.getInt("overflow_limit"),
                rs.getObject("overflow_group_id", Long.class), rs.getInt("max_chats_per_agent"),
                rs.getDouble("bot_confidence"), json.readValue(rs.getString("allowed_origins"), ORIGINS),
                rs.getString("identity_secret"))).single();
    }

    private List<ChatSettings.MenuItem> checkedMenu(List<ChatSettings.MenuItem> menu) {
        if (menu.isEmpty() || menu.size() > 12) {
            throw DomainException.onField(HttpStatus.BAD_REQUEST, "menu", "chat.settings.menuSize");
        }
        Set<String> keys = new HashSet<>();
        List<ChatSettings.MenuItem> checked = new ArrayList<>();
        for (ChatSettings.MenuItem item : menu) {
            String key = Text.blankToNull(item.key());
            String label = Text.blankToNull(item.label());
            if (key == null || label == null || key.length() > 50 || label.length() > 100 || !keys.add(key)) {
                throw DomainException.onField(HttpStatus.BAD_REQUEST, "menu", "chat.settings.menuItem");
            }
            checkGroup("menu", item.skillGroupId());
            checked.add(new ChatSettings.MenuItem(key, label, item.skillGroupId()));
        }
        return checked;
    }

    private void checkGroup(String field, Long groupId) {
        if (groupId != null && staff.skillGroup(groupId).isEmpty()) {
            throw DomainException.onField(HttpStatus.BAD_REQUEST, field, "chat.settings.noSuchGroup", groupId);
        }
    }

    private static List<String> checkedOrigins(List<String> origins) {
        List<String> checked = new ArrayList<>();
        for (String origin : origins) {
            String value = Text.blankToNull(origin);
            if (value == null) {
                continue;
            }
            try {
                URI uri = URI.create(value);
                if (uri.getHost() != null && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
                        && (uri.getPath() == null || uri.getPath().isEmpty())) {
                    checked.add(uri.getScheme() + "://" + uri.getRawAuthority());
                    continue;
                }
            } catch (IllegalArgumentException malformed) {
                // refused below, with the field named
            }
            throw DomainException.onField(HttpStatus.BAD_REQUEST, "allowedOrigins", "chat.settings.badOrigin", value);
        }
        return checked;
    }
}
