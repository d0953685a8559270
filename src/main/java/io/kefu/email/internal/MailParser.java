package io.kefu.email.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.kefu.email.MailKind;
import io.kefu.platform.SafeHtml;
import io.kefu.ticket.MessageFile;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentDisposition;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.ParseException;

/**
 * Reads a raw message: its sender, subject and threading headers, the text and HTML the sender wrote (in whatever
 * charset and transfer encoding), its attachments and inline images, and whether it is an automatic message.
 * Headers and bodies are decoded by {@link Charsets} from their raw bytes, not by Jakarta Mail's own text decoding,
 * which gives up on the mislabelled charsets common in Chinese mail.
 */
final class MailParser {

    private static final Session SESSION = Session.getInstance(sessionProperties());
    private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+>");

    private MailParser() {
    }

    private static Properties sessionProperties() {
        Properties properties = new Properties();
        properties.setProperty("mail.mime.decodefilename", "true");
        properties.setProperty("mail.mime.decodeparameters", "true");
        properties.setProperty("mail.mime.decodetext.strict", "false");
        properties.setProperty("mail.mime.parameters.strict", "false");
        properties.setProperty("mail.mime.multipart.allowempty", "false");
        return properties;
    }

    /**
     * @param ownAddresses our mailboxes' addresses, lower case: mail from them is a loop
     * @throws MessagingException or IOException when the message cannot be read
     */
    static ParsedMail parse(byte[] raw, Set<String> ownAddresses) throws MessagingException, IOException {
        MimeMessage message = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
        InternetAddress from = sender(message);
        String fromAddress = from == null ? null : from.getAddress().toLowerCase(Locale.ROOT);
        String fromName = from == null ? null : Charsets.decodeHeader(from.getPersonal());
        String subject = Charsets.decodeHeader(header(message, "Subject"));
        Body body = new Body();
        body.read(message);
        String text = body.text.isEmpty() ? null : String.join("\n\n", body.text);
        String html = body.html.isEmpty() ? null : String.join("<hr>", body.html);
        if (text == null && html != null) {
            text = SafeHtml.toText(html);
        }
        QuoteFolding.Folded folded = QuoteFolding.fold(text);
        MailKind kind = Classification.of(message, fromAddress, subject, ownAddresses);
        return new ParsedMail(messageId(message), threadIds(message), subject, fromAddress,
                fromName == null || fromName.isBlank() ? null : fromName, folded.text(), html, folded.quoted(),
                body.files, kind);
    }

    static String header(Part part, String name) throws MessagingException {
        String[] values = part.getHeader(name);
        return values == null || values.length == 0 ? null : values[0];
    }

    private static InternetAddress sender(MimeMessage message) throws MessagingException {
        for (String name : new String[] {"From", "Sender", "Return-Path"}) {
            String value = header(message, name);
            if (value != null && !value.isBlank()) {
                try {
                    InternetAddress[] parsed = InternetAddress.parseHeader(value, false);
                    if (parsed.length > 0 && parsed[0].getAddress() != null && !parsed[0].getAddress().isBlank()) {
                        return parsed[0];
                    }
                } catch (AddressException e) {
                    // A malformed header: try the next one.
                }
            }
        }
        return null;
    }

    private static String messageId(MimeMessage message) throws MessagingException {
        List<String> ids = ids(header(message, "Message-ID"));
        return ids.isEmpty() ? null : ids.get(0);
    }

    /** In-Reply-To first (the message answered), then References from the newest back. */
    private static List<String> threadIds(MimeMessage message) throws MessagingException {
        Set<String> ids = new LinkedHashSet<>(ids(header(message, "In-Reply-To")));
        List<String> references = ids(header(message, "References"));
        for (int i = references.size() - 1; i >= 0; i--) {
            ids.add(references.get(i));
        }
        return List.copyOf(ids);
    }

    private static List<String> ids(String header) {
        List<String> ids = new ArrayList<>();
        if (header != null) {
            Matcher matcher = MESSAGE_ID.matcher(header);
            while (matcher.find()) {
                ids.add(matcher.group());
            }
        }
        return ids;
    }

    /** The parts of a message: its readable text and HTML, and its files. */
    private static final class Body {
        final List<String> text = new ArrayList<>();
        final List<String> html = new ArrayList<>();
        final List<MessageFile> files = new ArrayList<>();

        void read(Part part) throws MessagingException, IOException {
            ContentType type = contentType(part);
            String fileName = fileName(part);
            boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(disposition(part));
            if (type.match("multipart/alternative")) {
                readAlternative((Multipart) part.getContent());
            } else if (type.getPrimaryType().equalsIgnoreCase("multipart")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    read(multipart.getBodyPart(i));
                }
            } else if (!attachment && fileName == null && type.match("text/plain")) {
                text.add(textOf(part, type));
            } else if (!attachment && fileName == null && type.match("text/html")) {
                html.add(textOf(part, type));
            } else {
                files.add(file(part, type, fileName));
            }
        }

        /** The plain text of one alternative and the HTML of another, with the images the HTML shows. */
        private void readAlternative(Multipart alternative) throws MessagingException, IOException {
            Body plain = null;
            Body rich = null;
            for (int i = 0; i < alternative.getCount(); i++) {
                Body candidate = new Body();
                candidate.read(alternative.getBodyPart(i));
                if (!candidate.html.isEmpty()) {
                    rich = candidate;
                } else if (plain == null && !candidate.text.isEmpty()) {
                    plain = candidate;
                }
            }
            if (plain != null) {
                text.addAll(plain.text);
            }
            if (rich != null) {
                if (plain == null) {
                    text.addAll(rich.text);
                }
                html.addAll(rich.html);
                files.addAll(rich.files);
            } else if (plain != null) {
                files.addAll(plain.files);
            }
        }

        private MessageFile file(Part part, ContentType type, String fileName) throws MessagingException, IOException {
            String contentId = header(part, "Content-ID");
            String name = fileName;
            if (name == null) {
                name = type.match("message/rfc822") ? "message.eml" : "attachment";
                if (contentId != null) {
                    name = "inline-" + files.size() + extensionOf(type);
                }
            }
            return new MessageFile(name, type.getBaseType().toLowerCase(Locale.ROOT), bytes(part),
                    contentId == null ? null : contentId.strip());
        }
    }

    private static String extensionOf(ContentType type) {
        return type.getPrimaryType().equalsIgnoreCase("image") ? "." + type.getSubType().toLowerCase(Locale.ROOT) : "";
    }

    private static ContentType contentType(Part part) throws MessagingException {
        String value = header(part, "Content-Type");
        if (value == null) {
            return new ContentType("text", "plain", null);
        }
        try {
            return new ContentType(value);
        } catch (ParseException e) {
            // A malformed parameter list: keep the type, lose the parameters.
            String base = value.split(";", 2)[0].strip();
            String[] parts = base.split("/", 2);
            return parts.length == 2 ? new ContentType(parts[0], parts[1], null)
                    : new ContentType("application", "octet-stream", null);
        }
    }

    private static String disposition(Part part) throws MessagingException {
        String value = header(part, "Content-Disposition");
        if (value == null) {
            return null;
        }
        try {
            return new ContentDisposition(value).getDisposition();
        } catch (ParseException e) {
            return value.split(";", 2)[0].strip();
        }
    }

    /**
     * The file name from Content-Disposition (RFC 2231 decoded by Jakarta Mail) or Content-Type's name; an
     * encoded word or raw 8-bit bytes in it (what many Chinese mailers send) are decoded too.
     */
    private static String fileName(Part part) throws MessagingException {
        String name = null;
        String disposition = header(part, "Content-Disposition");
        if (disposition != null) {
            try {
                name = new ContentDisposition(disposition).getParameter("filename");
            } catch (ParseException e) {
                name = null;
            }
        }
        if (name == null) {
            name = contentType(part).getParameter("name");
        }
        name = Charsets.decodeHeader(name);
        if (name == null || name.isBlank()) {
            return null;
        }
        return name.replaceAll("[\\\\/\\x00-\\x1f]", "_");
    }

    private static String textOf(Part part, ContentType type) throws MessagingException, IOException {
        return Charsets.decode(bytes(part), type.getParameter("charset"));
    }

    private static byte[] bytes(Part part) throws MessagingException, IOException {
        try (InputStream in = part.getInputStream()) {
            return in.readAllBytes();
        }
    }
}
