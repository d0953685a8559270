package io.kefu.email.internal;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits what the customer wrote from the history her mailer quoted below it: lines starting with &gt;,
 * attributions (On ... wrote: / 在 ... 写道：), separators (-----原始邮件----- / -----Original Message-----), and the
 * header blocks Outlook, Foxmail and QQ Mail put above a quoted message (发件人: ... 发送时间: ... / From: ... Sent:).
 * The Chinese words are written as Unicode escapes in the patterns below: 原始邮件 (original message), 写道 (wrote),
 * 发件人 (from), 发送时间 (sent), 收件人 (to), 主题 (subject) and their Traditional forms.
 */
final class QuoteFolding {

    /** What she wrote, and the quoted history or null. */
    record Folded(String text, String quoted) {
    }

    private static final Pattern ATTRIBUTION = Pattern.compile(
            "^(On\\s.+\\swrote:|.*(\u5199\u9053|\u5beb\u9053)\\s*[:：]?)$");
    private static final Pattern SEPARATOR = Pattern.compile(
            "^\\s*-{3,}\\s*(\u539f\u59cb\u90ae\u4ef6|\u539f\u59cb\u90f5\u4ef6|Original Message|Original|\u56de\u590d\u7684\u90ae\u4ef6|\u8f6c\u53d1\u90ae\u4ef6)\\s*-{3,}\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern RULE = Pattern.compile("^\\s*_{10,}\\s*$");
    private static final Pattern FROM_LINE = Pattern.compile("^\\s*\\*?(\u53d1\u4ef6\u4eba|\u767c\u4ef6\u4eba|From)\\s*\\*?\\s*[:：].*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern HEADER_LINE = Pattern.compile(
            "^\\s*\\*?(\u53d1\u9001\u65f6\u95f4|\u767c\u9001\u6642\u9593|\u65e5\u671f|\u65f6\u95f4|Sent|Date|\u6536\u4ef6\u4eba|To|\u4e3b\u9898|\u4e3b\u65e8|Subject)\\s*\\*?\\s*[:：].*",
            Pattern.CASE_INSENSITIVE);

    private QuoteFolding() {
    }

    static Folded fold(String text) {
        if (text == null || text.isBlank()) {
            return new Folded(text == null ? "" : text, null);
        }
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (startsQuote(lines, i)) {
                String mine = String.join("\n", lines.subList(0, i)).strip();
                if (mine.isEmpty()) {
                    // Nothing above the quote (she wrote below it, or forwarded it): all of it is hers.
                    break;
                }
                return new Folded(mine, String.join("\n", lines.subList(i, lines.size())).strip());
            }
        }
        return new Folded(text.strip(), null);
    }

    private static boolean startsQuote(List<String> lines, int i) {
        String line = lines.get(i);
        if (line.startsWith(">")) {
            return true;
        }
        if (SEPARATOR.matcher(line).matches()) {
            return true;
        }
        if ((line.contains("wrote:") || line.contains("\u5199\u9053") || line.contains("\u5beb\u9053"))
                && ATTRIBUTION.matcher(line.strip()).matches()) {
            return true;
        }
        if (RULE.matcher(line).matches() && i + 1 < lines.size() && FROM_LINE.matcher(lines.get(i + 1)).matches()) {
            return true;
        }
        return FROM_LINE.matcher(line).matches() && headerFollows(lines, i);
    }

    /** A "From:" line starts a quoted header block only when a date, recipient or subject line follows it. */
    private static boolean headerFollows(List<String> lines, int from) {
        for (int j = from + 1; j < Math.min(lines.size(), from + 4); j++) {
            if (HEADER_LINE.matcher(lines.get(j)).matches()) {
                return true;
            }
        }
        return false;
    }
}
