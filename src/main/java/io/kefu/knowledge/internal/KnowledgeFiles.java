package io.kefu.knowledge.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.kefu.identity.StaffPrincipal;
import io.kefu.platform.DomainException;
import io.kefu.platform.KefuProperties;
import io.kefu.platform.Sha256;
import org.apache.tika.Tika;
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

    private static final Tika TIKA = new Tika();

    private final JdbcClient jdbc;
    private final ArticleService articles;
    private final Path storage;
    private final KnowledgeProperties properties;

    KnowledgeFiles(JdbcClient jdbc, ArticleService articles, KefuProperties kefu, KnowledgeProperties properties) {
        this.jdbc = jdbc;
        this.articles = articles;
        this.storage = kefu.dataDir().resolve("knowledge-files");
        this.properties = properties;
    }

    public FileInfo attach(long articleId, String fileName, InputStream content, StaffPrincipal uploader) {
        articles.get(articleId);
        String name = baseName(fileName);
        if (name.isEmpty() || name.length() > 255) {
            throw DomainException.onField(HttpStatus.BAD_REQUEST, "file", "knowledge.fileName");
        }
        try {
            Files.createDirectories(storage);
            Path temp = Files.createTempFile(storage, "upload", ".part");
            try {
                String sha256 = copy(content, temp);
                long size = Files.size(temp);
                if (size == 0) {
                    throw DomainException.onField(HttpStatus.BAD_REQUEST, "file", "knowledge.fileEmpty");
                }
                String type = TIKA.detect(temp);
                if (!ALLOWED_TYPES.contains(type)) {
                    throw DomainException.onField(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "file", "knowledge.fileType",
                            type);
                }
                Path target = pathOf(sha256);
                Files.createDirectories(target.getParent());
                if (!Files.exists(target)) {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                }
                long id = jdbc.sql("""
                        INSERT INTO kb_attachment (article_id, file_name, content_type, size_bytes, sha256, uploaded_by)
                        VALUES (:article, :name, :type, :size, :sha, :by) RETURNING id""")
                        .param("article", articleId).param("name", name).param("type", type).param("size", size)
                        .param("sha", sha256).param("by", uploader.displayName()).query(Long.class).single();
                return find(articleId, id).orElseThrow();
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Transactional(readOnly = true)
    public List<FileInfo> of(long articleId) {
        return jdbc.sql(SELECT + " WHERE article_id = :article ORDER BY id").param("article", articleId).query(ROW)
                .list();
    }

    @Transactional(readOnly = true)
    public StoredFile file(long articleId, long fileId) {
        FileInfo info = find(articleId, fileId).orElseThrow(() -> DomainException.notFound("attachment", fileId));
        return new StoredFile(info, pathOf(info.sha256()));
    }

    private Optional<FileInfo> find(long articleId, long id) {
        return jdbc.sql(SELECT + " WHERE article_id = :article AND id = :id").param("article", articleId)
                .param("id", id).query(ROW).optional();
    }

    private Path pathOf(String sha256) {
        return storage.resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    private String copy(InputStream content, Path temp) throws IOException {
        MessageDigest digest = Sha256.digest();
        long max = properties.maxAttachmentSize().toBytes();
        try (InputStream in = new DigestInputStream(content, digest); var out = Files.newOutputStream(temp)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            for (int n; (n = in.read(buffer)) != -1; ) {
                total += n;
                if (total > max) {
                    throw new DomainException(HttpStatus.CONTENT_TOO_LARGE, "knowledge.fileTooLarge",
                            properties.maxAttachmentSize().toMegabytes());
                }
                out.write(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The name without any folder the sender's system put before it. */
    private static String baseName(String fileName) {
        String path = fileName == null ? "" : fileName.replace('\\', '/');
        return path.substring(path.lastIndexOf('/') + 1).strip();
    }

    private static final String SELECT = "SELECT id, article_id, file_name, content_type, size_bytes, sha256, "
            + "uploaded_by, uploaded_at FROM kb_attachment";
    private static final RowMapper<FileInfo> ROW = (rs, n) -> new FileInfo(rs.getLong(1), rs.getLong(2),
            rs.getString(3), rs.getString(4), rs.getLong(5), rs.getString(6), rs.getString(7),
            rs.getTimestamp(8).toInstant());
}
