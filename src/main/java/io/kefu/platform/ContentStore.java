package io.kefu.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.apache.tika.Tika;

/**
 * Files kept on disk under their SHA-256, so the same file stored twice is kept once and a rolled-back upload
 * leaves at most an unreferenced copy. The type is read from the content, never trusted from a name or a browser.
 */
public final class ContentStore {

    /** What was stored: its SHA-256, its size and the type detected from its bytes. */
    public record Stored(String sha256, long size, String detectedType) {
    }

    private static final Tika TIKA = new Tika();
    private static final long UNLIMITED = Long.MAX_VALUE;

    private final Path folder;

    public ContentStore(Path folder) {
        this.folder = folder;
    }

    /** Stores the content whatever its size. */
    public Stored store(InputStream content, Consumer<Stored> check) {
        return store(content, UNLIMITED, () -> new IllegalStateException("no limit"), check);
    }

    /**
     * Stores the content if it is at most {@code maxBytes} (else {@code tooLarge} is thrown) and {@code check},
     * which sees it before it is kept, does not refuse it by throwing.
     */
    public <E extends RuntimeException> Stored store(InputStream content, long maxBytes, Supplier<E> tooLarge,
                                                     Consumer<Stored> check) {
        try {
            Files.createDirectories(folder);
            Path temp = Files.createTempFile(folder, "upload", ".part");
            try {
                String sha256 = copy(content, temp, maxBytes, tooLarge);
                Stored stored = new Stored(sha256, Files.size(temp), TIKA.detect(temp));
                check.accept(stored);
                Path target = pathOf(sha256);
                Files.createDirectories(target.getParent());
                if (!Files.exists(target)) {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                }
                return stored;
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path pathOf(String sha256) {
        return folder.resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    /** Where a stored file lies, relative to the store's folder. */
    public String keyOf(String sha256) {
        return folder.relativize(pathOf(sha256)).toString();
    }

    /** The file name without any folder the sender's system put before it. */
    public static String baseName(String fileName) {
        String path = fileName == null ? "" : fileName.replace('\\', '/');
        return path.substring(path.lastIndexOf('/') + 1).strip();
    }

    private static <E extends RuntimeException> String copy(InputStream content, Path temp, long maxBytes,
                                                            Supplier<E> tooLarge) throws IOException {
        MessageDigest digest = Sha256.digest();
        try (InputStream in = new DigestInputStream(content, digest); var out = Files.newOutputStream(temp)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            for (int n; (n = in.read(buffer)) != -1; ) {
                total += n;
                if (total > maxBytes) {
                    throw tooLarge.get();
                }
                out.write(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
