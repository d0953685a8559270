package io.kefu.chat.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

import io.kefu.chat.internal.ChatSettings;
import io.kefu.platform.Text;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The chat settings page's form. Menu rows left with neither key nor label are dropped, so two blank rows below
 * the items let the administrator add choices; allowed origins are one per line.
 */
public class ChatSettingsForm {

    /** Blank rows offered for new menu choices. */
    private static final int NEW_ROWS = 2;

    @Size(max = 2000)
    private String welcome;
    private List<MenuRow> menu = new ArrayList<>();
    private Long calendarId;
    @NotNull
    @Min(1)
    private Integer overflowLimit;
    private Long overflowGroupId;
    @NotNull
    @Min(1)
    private Integer maxChatsPerAgent;
    @NotNull
    @DecimalMin("0")
    @DecimalMax("1")
    private Double botConfidence;
    @Size(max = 4000)
    private String allowedOrigins;
    /** Blank keeps the current secret, which the form never sends back to the browser. */
    @Size(max = 200)
    private String identitySecret;

    /** One menu choice as a row of the form. */
    public static class MenuRow {
        private String key;
        private String label;
        private Long skillGroupId;

        public MenuRow() {
        }

        MenuRow(String key, String label, Long skillGroupId) {
            this.key = key;
            this.label = label;
            this.skillGroupId = skillGroupId;
        }

        public String getKey() {
            return key;
        }

        public void setKey(String key) {
            this.key = key;
        }

        public String getLabel() {
            return label;
        }

        public void setLabel(String label) {
            this.label = label;
        }

        public Long getSkillGroupId() {
            return skillGroupId;
        }

        public void setSkillGroupId(Long skillGroupId) {
            this.skillGroupId = skillGroupId;
        }

        boolean blank() {
            return Text.blankToNull(key) == null && Text.blankToNull(label) == null;
        }
    }

    /**
     * The form filled from the settings; a label that is a message key is shown in the reader's language by
     * {@code labelText}, so what she sees and saves is the text visitors read.
     */
    static ChatSettingsForm of(ChatSettings settings, UnaryOperator<String> labelText) {
        ChatSettingsForm form = new ChatSettingsForm();
        form.welcome = settings.welcome();
        settings.menu().forEach(item -> form.menu.add(new MenuRow(item.key(), labelText.apply(item.label()),
                item.skillGroupId())));
        form.calendarId = settings.calendarId();
        form.overflowLimit = settings.overflowLimit();
        form.overflowGroupId = settings.overflowGroupId();
        form.maxChatsPerAgent = settings.maxChatsPerAgent();
        form.botConfidence = settings.botConfidence();
        form.allowedOrigins = String.join("\n", settings.allowedOrigins());
        return form.withNewRows();
    }

    ChatSettingsForm withNewRows() {
        menu.removeIf(MenuRow::blank);
        for (int i = 0; i < NEW_ROWS; i++) {
            menu.add(new MenuRow());
        }
        return this;
    }

    /**
     * The settings as entered. A label still reading as its message key's text keeps the key, so an untouched
     * default stays translated for every visitor.
     */
    ChatSettings settings(BiFunction<String, String, String> keepKey) {
        List<ChatSettings.MenuItem> items = menu.stream().filter(row -> !row.blank())
                .map(row -> new ChatSettings.MenuItem(Text.blankToNull(row.key), keepKey.apply(row.key,
                        Text.blankToNull(row.label)), row.skillGroupId))
                .toList();
        List<String> origins = allowedOrigins == null ? List.of()
                : Arrays.stream(allowedOrigins.split("[\\s,]+")).filter(o -> !o.isBlank()).toList();
        return new ChatSettings(welcome, items, calendarId, overflowLimit, overflowGroupId, maxChatsPerAgent,
                botConfidence, origins, identitySecret);
    }

    public String getWelcome() {
        return welcome;
    }

    public void setWelcome(String welcome) {
        this.welcome = welcome;
    }

    public List<MenuRow> getMenu() {
        return menu;
    }

    public void setMenu(List<MenuRow> menu) {
        this.menu = menu;
    }

    public Long getCalendarId() {
        return calendarId;
    }

    public void setCalendarId(Long calendarId) {
        this.calendarId = calendarId;
    }

    public Integer getOverflowLimit() {
        return overflowLimit;
    }

    public void setOverflowLimit(Integer overflowLimit) {
        this.overflowLimit = overflowLimit;
    }

    public Long getOverflowGroupId() {
        return overflowGroupId;
    }

    public void setOverflowGroupId(Long overflowGroupId) {
        this.overflowGroupId = overflowGroupId;
    }

    public Integer getMaxChatsPerAgent() {
        return maxChatsPerAgent;
    }

    public void setMaxChatsPerAgent(Integer maxChatsPerAgent) {
        this.maxChatsPerAgent = maxChatsPerAgent;
    }

    public Double getBotConfidence() {
        return botConfidence;
    }

    public void setBotConfidence(Double botConfidence) {
        this.botConfidence = botConfidence;
    }

    public String getAllowedOrigins() {
        return allowedOrigins;
    }

    public void setAllowedOrigins(String allowedOrigins) {
        this.allowedOrigins = allowedOrigins;
    }

    public String getIdentitySecret() {
        return identitySecret;
    }

    public void setIdentitySecret(String identitySecret) {
        this.identitySecret = identitySecret;
    }
}
