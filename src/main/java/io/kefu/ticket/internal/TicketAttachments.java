package io.kefu.ticket.internal;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.kefu.identity.StaffPrincipal;
import io.kefu.platform.ContentStore;
import io.kefu.platform.DomainException;
import io.kefu.platform.KefuProperties;
import io.kefu.platform.Text;
import io.kefu.ticket.MessageFile;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

/**
 * Files on tickets. The type is read from the content (not trusted from the name or the browser) and must be one a
 * service desk needs; the size is limited. Files are stored on disk under the data folder, named by their SHA-256,
 * so the same file attached twice is stored once and a rolled-back upload leaves at most an unreferenced copy.
 */
@Service
@Transactional
public class TicketAttachments {

    /**
     * @param articleId the conversation entry the file came with, or null for a file staff attached
     * @param contentId for an inline image of a message, the id its HTML refers to ({@code cid:...}), or null
     */
    public record Attachment(long id, long ticketId, String fileName, String contentType, long sizeBytes,
                             String sha256, String uploadedBy, Instant uploadedAt, Long articleId,
                             String contentId) {
    }

    static final Set<String> ALLOWED_TYPES = Set.of(
            "image/png", "image/jpeg", "image/gif", "image/webp", "image/bmp",
            "application/pdf", "text/plain", "text/csv",
            "application/msword", "application/vnd.ms-excel", "application/vnd.ms-powerpoint",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            "audio/mpeg", "audio/vnd.wave", "audio/x-wav", "video/mp4");

    private final JdbcClient jdbc;
    private final TicketService tickets;
    private final ContentStore storage;
    private final DataSize maxSize;

    TicketAttachments(JdbcClient jdbc, TicketService tickets, KefuProperties properties,
                      @Value("${kefu.tickets.max-attachment-size:20MB}") DataSize maxSize) {
        this.jdbc = jdbc;
        this.tickets = tickets;
        this.storage = new ContentStore(properties.dataDir().resolve("attachments"));
        this.maxSize = maxSize;
    }

    public Attachment attach(long ticketId, String fileName, InputStream content, StaffPrincipal uploader) {
        tickets.get(ticketId, uploader);
        String name = cleanName(fileName);
        ContentStore.Stored stored = storage.store(content, maxSize.toBytes(), () -> new DomainException(
                HttpStatus.CONTENT_TOO_LARGE, "ticket.attachmentTooLarge", maxSize.toMegabytes()), file -> {
                    if (file.size() == 0) {
                        throw DomainException.onField(HttpStatus.BAD_REQUEST, "file", "ticket.attachmentEmpty");
                    }
                    if (!ALLOWED_TYPES.contains(typeOf(file, name))) {
                        throw DomainException.onField(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "file",
                                "ticket.attachmentType", typeOf(file, name));
                    }
                });
        long id = insert(ticketId, null, name, stored, null, uploader.displayName());
        return find(ticketId, id).orElseThrow();
    }

    /**
     * Keeps a file that came with a customer's message on the entry it came with. Nothing she sent is refused for
     * its type or size: it is stored as received, and a name that cannot be used is replaced.
     */
    void keep(long ticketId, long articleId, MessageFile file, String senderName) {
        String name = usableName(file.fileName());
        ContentStore.Stored stored = storage.store(new ByteArrayInputStream(file.content()), kept -> { });
        insert(ticketId, articleId, name, stored, Text.truncate(file.contentId(), 250),
                Text.truncate(senderName == null || senderName.isBlank() ? "-" : senderName.strip(),
                        TicketJournal.NAME_LENGTH));
    }

    /** The detected type, except that a CSV file is plain text to Tika. */
    private static String typeOf(ContentStore.Stored file, String name) {
        return "text/plain".equals(file.detectedType()) && name.toLowerCase().endsWith(".csv") ? "text/csv"
                : file.detectedType();
    }

    private long insert(long ticketId, Long articleId, String name, ContentStore.Stored stored, String contentId,
                        String by) {
        return jdbc.sql("""
                INSERT INTO ticket_attachment (ticket_id, article_id, file_name, content_type, size_bytes, sha256,
                    storage_key, content_id, uploaded_by)
                VALUES (:ticket, :article, :name, :type, :size, :sha, :key, :cid, :by) RETURNING id""")
                .param("ticket", ticketId).param("article", articleId).param("name", name)
                .param("type", typeOf(stored, name)).param("size", stored.size()).param("sha", stored.sha256())
                .param("key", storage.keyOf(stored.sha256())).param("cid", contentId)
                .param("by", by).query(Long.class).single();
    }

    @Transactional(readOnly = true)
    public List<Attachment> of(long ticketId) {
        return jdbc.sql(SELECT + " WHERE ticket_id = :ticket ORDER BY id").param("ticket", ticketId).query(ROW).list();
    }

    /** An attachment and where its bytes are. */
    public record StoredFile(Attachment attachment, Path path) {
    }

    /** The stored file of an attachment the viewer may see. */
    @Transactional(readOnly = true)
    public StoredFile file(long ticketId, long attachmentId, StaffPrincipal viewer) {
        tickets.get(ticketId, viewer);
        Attachment attachment = find(ticketId, attachmentId)
                .orElseThrow(() -> DomainException.notFound("attachment", attachmentId));
        return new StoredFile(attachment, pathOf(attachment.sha256()));
    }

    Path pathOf(String sha256) {
        return storage.pathOf(sha256);
    }

    @Transactional(readOnly = true)
    public Optional<Attachment> find(long ticketId, long attachmentId) {
        return jdbc.sql(SELECT + " WHERE ticket_id = :ticket AND id = :id").param("ticket", ticketId)
                .param("id", attachmentId).query(ROW).optional();
    }

    private static final String SELECT = "SELECT id, ticket_id, file_name, content_type, size_bytes, sha256, "
            + "uploaded_by, uploaded_at, article_id, content_id FROM ticket_attachment";
    private static final RowMapper<Attachment> ROW = (rs, n) -> new Attachment(rs.getLong(1), rs.getLong(2),
            rs.getString(3), rs.getString(4), rs.getLong(5), rs.getString(6), rs.getString(7),
            rs.getTimestamp(8).toInstant(), rs.getObject(9, Long.class), rs.getString(10));

    private static String cleanName(String fileName) {
        String name = ContentStore.baseName(fileName);
        if (name.isEmpty() || name.length() > 255) {
            throw DomainException.onField(HttpStatus.BAD_REQUEST, "file", "ticket.attachmentName");
        }
        return name;
    }

    private static String usableName(String fileName) {
        String name = ContentStore.baseName(fileName);
        if (name.isEmpty()) {
            return "attachment";
        }
        return name.length() > 255 ? name.substring(name.length() - 255) : name;
    }
}
