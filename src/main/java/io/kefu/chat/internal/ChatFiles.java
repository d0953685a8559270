package io.kefu.chat.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Set;

import io.kefu.platform.ContentStore;
import io.kefu.platform.DomainException;
import io.kefu.platform.KefuProperties;
import io.kefu.platform.Text;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * Files sent in chats, kept under {@code <data-dir>/chat-files}: images, PDFs, plain text and office documents,
 * the type read from the content, at most {@code kefu.chat.max-file-size}.
 */
@Component
public class ChatFiles {

    static final Set<String> ALLOWED = Set.of("image/png", "image/jpeg", "image/gif", "image/webp", "application/pdf",
            "text/plain", "application/zip", "application/msword", "application/vnd.ms-excel",
            "application/x-tika-ooxml", "application/x-tika-msoffice",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final ContentStore store;
    private final ChatProperties properties;

    ChatFiles(KefuProperties kefu, ChatProperties properties) {
        this.store = new ContentStore(kefu.dataDir().resolve("chat-files"));
        this.properties = properties;
    }

    public MessageRecord.FileRef keep(MultipartFile file) {
        if (file == null || file.isEmpty()) {
            throw DomainException.onField(HttpStatus.BAD_REQUEST, "file", "chat.fileMissing");
        }
        String name = Text.truncate(Text.blankToNull(ContentStore.baseName(file.getOriginalFilename())), 255);
        long max = properties.maxFileSize().toBytes();
        try (InputStream content = file.getInputStream()) {
            ContentStore.Stored stored = store.store(content, max,
                    () -> new DomainException(HttpStatus.CONTENT_TOO_LARGE, "chat.fileTooLarge", max / (1024 * 1024)),
                    kept -> {
                        if (!ALLOWED.contains(kept.detectedType())) {
                            throw new DomainException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "chat.fileType");
                        }
                    });
            return new MessageRecord.FileRef(name == null ? "file" : name, stored.size(), stored.detectedType(),
                    stored.sha256());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path pathOf(MessageRecord.FileRef file) {
        return store.pathOf(file.sha256());
    }
}
