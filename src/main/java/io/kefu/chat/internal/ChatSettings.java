package io.kefu.chat.internal;

import java.util.List;

/**
 * The one row of chat settings.
 *
 * @param welcome        the welcome text, or null for the default message {@code chat.welcome}
 * @param menu           the menu the widget opens with; a label is a message key or the administrator's own text
 * @param calendarId     the business calendar of office hours, or null for the default calendar
 * @param overflowLimit  more chats than this waiting in a group overflow
 * @param overflowGroupId where overflowing chats go, or null to offer a callback instead
 * @param botConfidence  the blended search score the bot's best article must reach to be given as the answer
 * @param allowedOrigins sites that may embed the widget (scheme://host[:port])
 * @param identitySecret the HMAC-SHA256 key of signed identity tokens
 */
public record ChatSettings(String welcome, List<MenuItem> menu, Long calendarId, int overflowLimit,
                           Long overflowGroupId, int maxChatsPerAgent, double botConfidence,
                           List<String> allowedOrigins, String identitySecret) {

    public ChatSettings {
        menu = menu == null ? List.of() : List.copyOf(menu);
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
    }

    /** One choice of the menu: its key, its label and the skill group it hands off to (null: the bot first). */
    public record MenuItem(String key, String label, Long skillGroupId) {
    }

    public MenuItem menuItem(String key) {
        return menu.stream().filter(item -> item.key().equals(key)).findFirst().orElse(null);
    }
}
