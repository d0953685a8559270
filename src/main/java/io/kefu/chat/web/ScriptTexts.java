package io.kefu.chat.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The texts the chat pages' scripts show (states, senders, prompts), in the reader's language, as a JSON object
 * the page embeds: scripts look texts up and never hold their own. Placeholders such as {0} are left for the script.
 */
@Component
class ScriptTexts {

    static final List<String> WORKSPACE = List.of(
            "chat.workspace.state.BOT", "chat.workspace.state.QUEUED", "chat.workspace.state.ACTIVE",
            "chat.workspace.state.ENDED", "chat.workspace.sender.VISITOR", "chat.workspace.sender.BOT",
            "chat.workspace.sender.AGENT", "chat.workspace.sender.SYSTEM", "chat.workspace.anonymousVisitor",
            "chat.workspace.queue.empty", "chat.workspace.queue.take", "chat.workspace.queue.waited",
            "chat.workspace.mine.empty", "chat.workspace.side.openCustomer", "chat.workspace.side.anonymous",
            "chat.workspace.side.trailEmpty", "chat.workspace.side.timelineNone", "chat.workspace.action.endConfirm",
            "chat.workspace.connected", "chat.workspace.reconnecting");
    static final List<String> MONITOR = List.of(
            "chat.workspace.state.BOT", "chat.workspace.state.QUEUED", "chat.workspace.state.ACTIVE",
            "chat.workspace.state.ENDED", "chat.workspace.sender.VISITOR", "chat.workspace.sender.BOT",
            "chat.workspace.sender.AGENT", "chat.workspace.sender.SYSTEM", "chat.workspace.anonymousVisitor",
            "chat.workspace.connected", "chat.workspace.reconnecting", "chat.monitor.watch", "chat.monitor.watching",
            "chat.monitor.overflow.ROUTED", "chat.monitor.overflow.CALLBACK");

    private final MessageSource messages;
    private final JsonMapper json;

    ScriptTexts(MessageSource messages, JsonMapper json) {
        this.messages = messages;
        this.json = json;
    }

    /** The texts as JSON that is safe inside a script element. */
    String json(List<String> keys, Locale locale) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (String key : keys) {
            texts.put(key, messages.getMessage(key, null, locale));
        }
        return json.writeValueAsString(texts).replace("</", "<\\/");
    }
}
