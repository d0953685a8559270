package io.kefu.email.internal;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import io.kefu.email.MailKind;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * Tells a customer's mail from the mail no one should answer: our own mail coming back (a loop), delivery failure
 * reports (bounces) and automatic answers (out of office, auto-replies, mailing lists). The subjects' Chinese words
 * are Unicode escapes: 退信 / 系统退信 / 投递失败 / 未能送达 / 无法投递 / 邮件被退回 (bounces), 自动回复 / 自动答复 /
 * 不在办公室 / 休假自动回复 and their Traditional forms (automatic answers). Answering any of these is
 * how two auto-responders end up mailing each other forever.
 */
final class Classification {

    /** The header every reply we send carries; mail that has it came from us. */
    static final String LOOP_HEADER = "X-Kefu-Loop";

    private static final Pattern BOUNCE_SENDER = Pattern.compile("^(mailer-daemon|postmaster)@.*");
    private static final Pattern BOUNCE_SUBJECT = Pattern.compile(
            "(undeliverable|undelivered mail|delivery status notification|delivery failure|mail delivery failed"
                    + "|returned mail|failure notice|\u9000\u4fe1|\u7cfb\u7edf\u9000\u4fe1|\u6295\u9012\u5931\u8d25|\u672a\u80fd\u9001\u8fbe|\u65e0\u6cd5\u6295\u9012|\u90ae\u4ef6\u88ab\u9000\u56de)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern AUTO_REPLY_SUBJECT = Pattern.compile(
            "^(\u81ea\u52a8\u56de\u590d|\u81ea\u52d5\u56de\u8986|\u81ea\u52a8\u7b54\u590d|\u81ea\u52d5\u7b54\u8986|auto[- ]?reply|automatic reply|auto[- ]?response|out of (the )?office"
                    + "|\u4e0d\u5728\u529e\u516c\u5ba4|\u4f11\u5047\u81ea\u52a8\u56de\u590d)", Pattern.CASE_INSENSITIVE);
    private static final Set<String> BULK_PRECEDENCE = Set.of("bulk", "junk", "list", "auto_reply");

    private Classification() {
    }

    static MailKind of(MimeMessage message, String fromAddress, String subject, Set<String> ownAddresses)
            throws MessagingException {
        if (MailParser.header(message, LOOP_HEADER) != null
                || (fromAddress != null && ownAddresses.contains(fromAddress))) {
            return MailKind.LOOP;
        }
        String contentType = lower(MailParser.header(message, "Content-Type"));
        String returnPath = MailParser.header(message, "Return-Path");
        String cleanSubject = subject == null ? "" : subject.strip();
        if (contentType.startsWith("multipart/report") && contentType.contains("delivery-status")
                || (fromAddress != null && BOUNCE_SENDER.matcher(fromAddress).matches())
                || (returnPath != null && returnPath.replaceAll("[<>\\s]", "").isEmpty())
                || BOUNCE_SUBJECT.matcher(cleanSubject).find()) {
            return MailKind.BOUNCE;
        }
        String autoSubmitted = lower(MailParser.header(message, "Auto-Submitted"));
        if ((!autoSubmitted.isEmpty() && !autoSubmitted.startsWith("no"))
                || MailParser.header(message, "X-Autoreply") != null
                || MailParser.header(message, "X-Autorespond") != null
                || BULK_PRECEDENCE.contains(lower(MailParser.header(message, "Precedence")))
                || AUTO_REPLY_SUBJECT.matcher(cleanSubject).find()) {
            return MailKind.AUTO_REPLY;
        }
        return MailKind.TICKET;
    }

    private static String lower(String value) {
        return value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
    }
}
