package io.kefu.email.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text in the charsets Chinese mail comes in, read forgivingly: GB2312 and GBK are read as GB18030 (their superset,
 * which also covers the characters mailers put in "GB2312" mail anyway), Big5 as Big5-HKSCS; a body that is not
 * valid in its declared charset (a mislabelled one) is tried as UTF-8, then GB18030; undeclared 8-bit text likewise.
 * RFC 2047 encoded words are decoded here too, because mailers break the rules Jakarta Mail's strict decoder keeps
 * (words glued to text, split multi-byte characters across words, unknown charset names).
 */
final class Charsets {

    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final Map<String, String> SUPERSETS = Map.of(
            "gb2312", "GB18030", "gb_2312-80", "GB18030", "euc-cn", "GB18030", "x-gbk", "GB18030",
            "gbk", "GB18030", "cp936", "GB18030", "big5", "Big5-HKSCS", "x-big5", "Big5-HKSCS",
            "ks_c_5601-1987", "EUC-KR");
    private static final Pattern ENCODED_WORD = Pattern.compile("=\\?([^?\\s]+)\\?([bBqQ])\\?([^?\\s]*)\\?=");
    private static final Pattern BETWEEN_WORDS = Pattern.compile("(\\?=)[ \\t\\r\\n]+(=\\?)");

    private Charsets() {
    }

    /** The Java charset for a MIME charset name, or null when it is unknown. */
    static Charset of(String mimeName) {
        if (mimeName == null || mimeName.isBlank()) {
            return null;
        }
        String name = mimeName.strip().replace("\"", "").toLowerCase(Locale.ROOT);
        int language = name.indexOf('*');
        if (language > 0) {
            name = name.substring(0, language);
        }
        try {
            return Charset.forName(SUPERSETS.getOrDefault(name, name));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Bytes as text: in the declared charset when they are valid in it, else the best of UTF-8 and GB18030. */
    static String decode(byte[] bytes, String declared) {
        Charset charset = of(declared);
        boolean ascii = isAscii(bytes);
        if (charset != null && (ascii || !isSingleByteLatin(charset))) {
            String text = strict(bytes, charset);
            if (text != null) {
                return text;
            }
        }
        if (ascii) {
            return new String(bytes, StandardCharsets.US_ASCII);
        }
        String utf8 = strict(bytes, StandardCharsets.UTF_8);
        if (utf8 != null) {
            return utf8;
        }
        String gb = strict(bytes, GB18030);
        if (gb != null) {
            return gb;
        }
        return new String(bytes, charset == null ? GB18030 : charset);
    }

    /**
     * A header value with its encoded words decoded, and raw 8-bit bytes (which Jakarta Mail hands over as
     * ISO-8859-1 characters) read as UTF-8 or GB18030.
     */
    static String decodeHeader(String value) {
        if (value == null) {
            return null;
        }
        String unfolded = value.replaceAll("\\r?\\n[ \\t]", " ");
        String text = raw8bit(BETWEEN_WORDS.matcher(unfolded).replaceAll("$1$2"));
        Matcher words = ENCODED_WORD.matcher(text);
        StringBuilder out = new StringBuilder();
        int last = 0;
        // Adjacent words of one charset are joined before decoding: a character may be split across two of them.
        ByteArrayOutputStream pending = new ByteArrayOutputStream();
        String pendingCharset = null;
        while (words.find()) {
            if (words.start() > last || (pendingCharset != null && !pendingCharset.equalsIgnoreCase(words.group(1)))) {
                flush(out, pending, pendingCharset);
                pendingCharset = null;
                out.append(text, last, words.start());
            }
            pending.writeBytes(bytesOf(words.group(2), words.group(3)));
            pendingCharset = words.group(1);
            last = words.end();
        }
        flush(out, pending, pendingCharset);
        out.append(text.substring(last));
        return out.toString().strip();
    }

    private static void flush(StringBuilder out, ByteArrayOutputStream pending, String charset) {
        if (pending.size() > 0) {
            out.append(decode(pending.toByteArray(), charset));
            pending.reset();
        }
    }

    private static byte[] bytesOf(String encoding, String text) {
        if (encoding.equalsIgnoreCase("B")) {
            try {
                return Base64.getMimeDecoder().decode(text);
            } catch (IllegalArgumentException e) {
                return text.getBytes(StandardCharsets.US_ASCII);
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '_') {
                bytes.write(' ');
            } else if (c == '=' && i + 2 < text.length()
                    && Character.digit(text.charAt(i + 1), 16) >= 0 && Character.digit(text.charAt(i + 2), 16) >= 0) {
                bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        return bytes.toByteArray();
    }

    /** Characters 0x80-0xFF only (no wider ones): 8-bit bytes read as ISO-8859-1; read them again properly. */
    private static String raw8bit(String value) {
        boolean high = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c > 0xFF) {
                return value;
            }
            high |= c >= 0x80;
        }
        return high ? decode(value.getBytes(StandardCharsets.ISO_8859_1), null) : value;
    }

    private static String strict(byte[] bytes, Charset charset) {
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    /** Latin-1 and its kin accept any byte, so they say nothing about whether the label is right. */
    private static boolean isSingleByteLatin(Charset charset) {
        String name = charset.name();
        return name.equals("ISO-8859-1") || name.equals("windows-1252") || name.equals("US-ASCII");
    }
}
