package io.kefu.chat.internal;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.kefu.chat.SenderKind;
import io.kefu.identity.StaffDirectory;
import io.kefu.platform.Text;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** What a chat says and leaves behind, in the chat's language: its messages' texts, its transcript, its summary. */
@Component
class ChatTexts {

    private final ChatStore chats;
    private final StaffDirectory staff;
    private final MessageSource messages;

    ChatTexts(ChatStore chats, StaffDirectory staff, MessageSource messages) {
        this.chats = chats;
        this.staff = staff;
        this.messages = messages;
    }

    /** Every message of the chat, one line each with its time and sender, as a ticket records it. */
    String transcript(ChatRecord chat) {
        return chats.messagesAfter(chat.id(), 0, false).stream()
                .map(m -> "[" + m.createdAt() + "] " + senderLabel(chat, m) + ": "
                        + (m.file() != null ? m.file().name() : m.text()))
                .collect(Collectors.joining("\n"));
    }

    /** What the customer's timeline says of an ended chat: who served her, how many messages, how it began. */
    String summary(ChatRecord chat) {
        List<MessageRecord> all = chats.messagesAfter(chat.id(), 0, false);
        String first = all.stream().filter(m -> m.senderKind() == SenderKind.VISITOR && !m.text().isBlank())
                .map(MessageRecord::text).findFirst().orElse("");
        String agent = chat.agentId() == null ? text(chat, "chat.bot.name")
                : staff.find(chat.agentId()).map(StaffDirectory.StaffSummary::displayName).orElse("");
        return Text.truncate(text(chat, "chat.timeline.summary", agent, all.size(), Text.truncate(first, 80)), 500);
    }

    private String senderLabel(ChatRecord chat, MessageRecord message) {
        return message.senderName() != null ? message.senderName()
                : text(chat, "chat.sender." + message.senderKind().name());
    }

    /** A message in the chat's language. */
    String text(ChatRecord chat, String key, Object... args) {
        return messages.getMessage(key, args, Locale.forLanguageTag(chat.locale()));
    }

    /** Whether the visitor asks for a person, in the handoff words of any language Kefu speaks. */
    boolean asksForPerson(String question) {
        String asked = question.strip().toLowerCase(Locale.ROOT);
        return Stream.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)
                .flatMap(locale -> Stream.of(messages.getMessage("chat.bot.handoffWords", null, locale).split(",")))
                .map(word -> word.strip().toLowerCase(Locale.ROOT))
                .anyMatch(word -> !word.isEmpty() && asked.equals(word));
    }
}
