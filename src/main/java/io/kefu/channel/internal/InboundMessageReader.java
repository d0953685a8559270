package io.kefu.channel.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.kefu.platform.DomainException;
import io.kefu.ticket.MessageFile;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the one JSON shape every channel posts and checks it field by field, so that a sender learns everything
 * that is wrong at once ({@code errors: [{field, message}]}).
 */
@Component
class InboundMessageReader {

    private static final int ID_LENGTH = 200;
    private static final int NAME_LENGTH = 100;
    private static final int TEXT_LENGTH = 20_000;
    private static final int MAX_FILES = 20;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MessageSource messages;

    InboundMessageReader(MessageSource messages) {
        this.messages = messages;
    }

    InboundMessage read(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            throw new DomainException(HttpStatus.BAD_REQUEST, "channel.inbound.malformed");
        }
        if (root == null || !root.isObject()) {
            throw new DomainException(HttpStatus.BAD_REQUEST, "channel.inbound.malformed");
        }
        Problems problems = new Problems();
        String messageId = problems.id(root, "messageId", true);
        Instant sentAt = problems.instant(root, "sentAt");
        JsonNode senderNode = root.get("sender");
        InboundMessage.Sender sender = null;
        if (senderNode == null || !senderNode.isObject()) {
            problems.add("sender", "channel.inbound.senderRequired");
        } else {
            sender = new InboundMessage.Sender(problems.id(senderNode, "sender.id", true),
                    problems.text(senderNode, "sender.name", NAME_LENGTH),
                    problems.text(senderNode, "sender.phone", NAME_LENGTH),
                    problems.text(senderNode, "sender.email", ID_LENGTH));
        }
        String conversationId = problems.id(root, "conversationId", false);
        String text = problems.text(root, "text", TEXT_LENGTH);
        List<MessageFile> files = problems.files(root.get("attachments"));
        if ((text == null || text.isBlank()) && files.isEmpty() && !problems.has("attachments")) {
            problems.add("text", "channel.inbound.textOrAttachmentRequired");
        }
        problems.throwIfAny();
        return new InboundMessage(messageId, sentAt, sender, conversationId, text == null ? "" : text, files);
    }

    /** The problems found so far, with their messages in the request's language. */
    private final class Problems {

        private final List<Map<String, String>> errors = new ArrayList<>();

        void add(String field, String key, Object... args) {
            Map<String, String> error = new LinkedHashMap<>();
            error.put("field", field);
            error.put("message", messages.getMessage(key, args, key, LocaleContextHolder.getLocale()));
            errors.add(error);
        }

        boolean has(String fieldPrefix) {
            return errors.stream().anyMatch(e -> e.get("field").startsWith(fieldPrefix));
        }

        void throwIfAny() {
            if (!errors.isEmpty()) {
                throw new InvalidInboundMessage(errors);
            }
        }

        /** An id: a string or a number (some systems number their messages), at most 200 characters. */
        String id(JsonNode parent, String field, boolean required) {
            JsonNode node = parent.get(leaf(field));
            String value = node == null || node.isNull() ? null
                    : node.isString() || node.isNumber() ? node.asString().strip() : "";
            if (value == null || value.isEmpty()) {
                if (required || value != null) {
                    add(field, "channel.inbound.idRequired", ID_LENGTH);
                }
                return null;
            }
            if (value.length() > ID_LENGTH) {
                add(field, "channel.inbound.idRequired", ID_LENGTH);
                return null;
            }
            return value;
        }

        /** Optional text of at most {@code max} characters; null when absent or blank. */
        String text(JsonNode parent, String field, int max) {
            JsonNode node = parent.get(leaf(field));
            if (node == null || node.isNull()) {
                return null;
            }
            if (!node.isString() || node.asString().length() > max) {
                add(field, "channel.inbound.textInvalid", max);
                return null;
            }
            return node.asString().isBlank() ? null : node.asString();
        }

        Instant instant(JsonNode parent, String field) {
            JsonNode node = parent.get(field);
            if (node == null || node.isNull()) {
                return null;
            }
            try {
                return OffsetDateTime.parse(node.asString()).toInstant();
            } catch (DateTimeParseException e) {
                add(field, "channel.inbound.timeInvalid");
                return null;
            }
        }

        List<MessageFile> files(JsonNode attachments) {
            if (attachments == null || attachments.isNull()) {
                return List.of();
            }
            if (!attachments.isArray() || attachments.size() > MAX_FILES) {
                add("attachments", "channel.inbound.attachmentsInvalid", MAX_FILES);
                return List.of();
            }
            List<MessageFile> files = new ArrayList<>();
            for (int i = 0; i < attachments.size(); i++) {
                String field = "attachments[" + i + "]";
                JsonNode file = attachments.get(i);
                if (!file.isObject()) {
                    add(field, "channel.inbound.attachmentInvalid");
                    continue;
                }
                String fileName = text(file, field + ".fileName", ID_LENGTH);
                if (fileName == null && !has(field + ".fileName")) {
                    add(field + ".fileName", "channel.inbound.fileNameRequired");
                }
                String contentType = text(file, field + ".contentType", NAME_LENGTH);
                byte[] content = content(file.get("contentBase64"), field + ".contentBase64");
                if (fileName != null && content != null) {
                    files.add(new MessageFile(fileName.strip(), contentType, content, null));
                }
            }
            return files;
        }

        private byte[] content(JsonNode node, String field) {
            if (node == null || !node.isString()) {
                add(field, "channel.inbound.base64Invalid");
                return null;
            }
            try {
                return Base64.getDecoder().decode(node.asString().replaceAll("\\s", ""));
            } catch (IllegalArgumentException e) {
                add(field, "channel.inbound.base64Invalid");
                return null;
            }
        }

        private static String leaf(String field) {
            return field.substring(field.lastIndexOf('.') + 1);
        }
    }
}
