package io.kefu.email.internal;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits what the customer wrote from the history her mailer quoted below it: "> " lines, "On ... wrote:",
 * "在 ... 写道：", "-----原始邮件-----" / "-----Original Message-----", and the header blocks Outlook, Foxmail and QQ
 * Mail put above a quoted message ("发件人: ... 发送时间: ..." / "From: ... Sent: ...").
 */
final class QuoteFolding {

    /** What she wrote, and the quoted history or null. */
    record Folded(String text, String quoted) {
    }

    private static final Pattern ATTRIBUTION = Pattern.compile(
            "^(On\\s.+\\swrote:|.*(写道|寫道)\\s*[:：]?)$");
    private static final Pattern SEPARATOR = Pattern.compile(
            "^\\s*-{3,}\\s*(原始邮件|原始郵件|Original Message|Original|回复的邮件|转发邮件)\\s*-{3,}\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern RULE = Pattern.compile("^\\s*_{10,}\\s*$");
    private static final Pattern FROM_LINE = Pattern.compile("^\\s*\\*?(发件人|發件人|From)\\s*\\*?\\s*[:：].*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern HEADER_LINE = Pattern.compile(
            "^\\s*\\*?(发送时间|發送時間|日期|时间|Sent|Date|收件人|To|主题|主旨|Subject)\\s*\\*?\\s*[:：].*",
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
        if ((line.contains("wrote:") || line.contains("写道") || line.contains("寫道"))
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
