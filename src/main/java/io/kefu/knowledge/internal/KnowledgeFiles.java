package io.kefu.knowledge.internal;

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
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Files on articles, as tickets keep theirs: the type read from the content with Tika (never trusted from the name
 * or the browser) and one of the allowed ones, the size limited, the bytes stored once under the data folder by
 * their SHA-256 (so a rolled-back upload leaves at most an unreferenced copy).
 */
@Service
@Transactional
public class KnowledgeFiles {

    public record FileInfo(long id, long articleId, String fileName, String contentType, long sizeBytes,
                           String sha256, String uploadedBy, Instant uploadedAt) {
    }

    public record StoredFile(FileInfo info, Path path) {
    }

    static final Set<String> ALLOWED_TYPES = Set.of(
            "image/png", "image/jpeg", "image/gif", "image/webp",
            "application/pdf", "text/plain",
            "application/msword", "application/vnd.ms-excel", "application/vnd.ms-powerpoint",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            "video/mp4");

    private final JdbcClient jdbc;
    private final ArticleService articles;
    private final ContentStore storage;
    private final KnowledgeProperties properties;

    KnowledgeFiles(JdbcClient jdbc, ArticleService articles, KefuProperties kefu, KnowledgeProperties properties) {
        this.jdbc = jdbc;
        this.articles = articles;
        this.storage = new ContentStore(kefu.dataDir().resolve("knowledge-files"));
        this.properties = properties;
    }

    public FileInfo attach(long articleId, String fileName, InputStream content, StaffPrincipal uploader) {
        articles.get(articleId);
        String name = ContentStore.baseName(fileName);
        if (name.isEmpty() || name.length() > 255) {
            throw DomainException.onField(HttpStatus.BAD_REQUEST, "file", "knowledge.fileName");
        }
        ContentStore.Stored stored = storage.store(content, properties.maxAttachmentSize().toBytes(),
                () -> new DomainException(HttpStatus.CONTENT_TOO_LARGE, "knowledge.fileTooLarge",
                        properties.maxAttachmentSize().toMegabytes()), file -> {
                    if (file.size() == 0) {
                        throw DomainException.onField(HttpStatus.BAD_REQUEST, "file", "knowledge.fileEmpty");
                    }
                    if (!ALLOWED_TYPES.contains(file.detectedType())) {
                        throw DomainException.onField(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "file", "knowledge.fileType",
                                file.detectedType());
                    }
                });
        long id = jdbc.sql("""
                INSERT INTO kb_attachment (article_id, file_name, content_type, size_bytes, sha256, uploaded_by)
                VALUES (:article, :name, :type, :size, :sha, :by) RETURNING id""")
                .param("article", articleId).param("name", name).param("type", stored.detectedType())
                .param("size", stored.size()).param("sha", stored.sha256()).param("by", uploader.displayName())
                .query(Long.class).single();
        return find(articleId, id).orElseThrow();
    }

    @Transactional(readOnly = true)
    public List<FileInfo> of(long articleId) {
        return jdbc.sql(SELECT + " WHERE article_id = :article ORDER BY id").param("article", articleId).query(ROW)
                .list();
    }

    @Transactional(readOnly = true)
    public StoredFile file(long articleId, long fileId) {
        FileInfo info = find(articleId, fileId).orElseThrow(() -> DomainException.notFound("attachment", fileId));
        return new StoredFile(info, storage.pathOf(info.sha256()));
    }

    private Optional<FileInfo> find(long articleId, long id) {
        return jdbc.sql(SELECT + " WHERE article_id = :article AND id = :id").param("article", articleId)
                .param("id", id).query(ROW).optional();
    }

    private static final String SELECT = "SELECT id, article_id, file_name, content_type, size_bytes, sha256, "
            + "uploaded_by, uploaded_at FROM kb_attachment";
    private static final RowMapper<FileInfo> ROW = (rs, n) -> new FileInfo(rs.getLong(1), rs.getLong(2),
            rs.getString(3), rs.getString(4), rs.getLong(5), rs.getString(6), rs.getString(7),
            rs.getTimestamp(8).toInstant());
}
