package io.kefu.email.internal;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.kefu.platform.Sha256;

/**
 * What makes a message the same message: its Message-ID, read straight from the raw header block (so a message
 * that cannot be parsed gets the same key as when it can), or the SHA-256 of its bytes when it has none.
 */
final class MessageKeys {

    private static final Pattern MESSAGE_ID = Pattern.compile("(?im)^Message-ID:[ \\t]*(?:\\r?\\n[ \\t]+)?(<[^<>\\s]+>)");
    private static final int MAX_KEY = 1000;

    private MessageKeys() {
    }

    static String of(byte[] raw) {
        String head = new String(raw, 0, headerEnd(raw), StandardCharsets.ISO_8859_1);
        Matcher matcher = MESSAGE_ID.matcher(head);
        if (matcher.find() && matcher.group(1).length() <= MAX_KEY) {
            return matcher.group(1);
        }
        return "sha256:" + HexFormat.of().formatHex(Sha256.digest().digest(raw));
    }

    private static int headerEnd(byte[] raw) {
        for (int i = 0; i + 3 < raw.length; i++) {
            if (raw[i] == '\n' && (raw[i + 1] == '\n' || raw[i + 1] == '\r' && raw[i + 2] == '\n')) {
                return i;
            }
        }
        return raw.length;
    }
}
