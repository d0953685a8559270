package io.kefu.platform.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;

/**
 * A real PostgreSQL server whose data lives in a folder of its own, kept between runs.
 *
 * <p>The folder is guarded by a file lock, so a second Kefu pointed at the same folder stops with a clear message
 * instead of corrupting it. Within one JVM (several test contexts) the running server is shared and stopped when
 * the last user releases it.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    static final String DATABASE = "kefu";
    static final String USER = "postgres";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Map<Path, EmbeddedPostgresServer> RUNNING = new HashMap<>();

    private final Path directory;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final EmbeddedPostgres postgres;
    private int users;

    private EmbeddedPostgresServer(Path directory, FileChannel lockChannel, FileLock lock, EmbeddedPostgres postgres) {
        this.directory = directory;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.postgres = postgres;
    }

    /**
     * Starts the server in {@code directory} or joins the one this JVM already runs there.
     *
     * @param fresh         start from an empty database, discarding what the folder held (tests only)
     * @param sharedBuffers PostgreSQL's cache, e.g. {@code 512MB}
     */
    public static synchronized EmbeddedPostgresServer acquire(Path directory, boolean fresh, String sharedBuffers) {
        Path key = directory.toAbsolutePath().normalize();
        EmbeddedPostgresServer server = RUNNING.get(key);
        if (server == null) {
            server = start(key, fresh, sharedBuffers);
            RUNNING.put(key, server);
        }
        server.users++;
        return server;
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl(USER, DATABASE);
    }

    public String username() {
        return USER;
    }

    public Path directory() {
        return directory;
    }

    @Override
    public void close() {
        synchronized (EmbeddedPostgresServer.class) {
            if (--users > 0) {
                return;
            }
            RUNNING.remove(directory);
        }
        try {
            postgres.close();
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            log.warn("Embedded PostgreSQL in {} did not stop cleanly", directory, e);
        }
    }

    private static EmbeddedPostgresServer start(Path directory, boolean fresh, String sharedBuffers) {
        try {
            Files.createDirectories(directory);
            FileChannel channel = FileChannel.open(directory.resolve("kefu.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                throw new DataDirectoryInUseException(directory);
            }
            try {
                return startLocked(directory, fresh, sharedBuffers, channel, lock);
            } catch (IOException | RuntimeException e) {
                // Leave the folder free for the next try.
                lock.release();
                channel.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + directory, e);
        }
    }

    private static EmbeddedPostgresServer startLocked(Path directory, boolean fresh, String sharedBuffers,
                                                      FileChannel channel, FileLock lock) throws IOException {
        Path data = directory.resolve("data");
        if (fresh) {
            FileSystemUtils.deleteRecursively(data);
        }
        stopOrphanedServer(data);
        // The library starts PostgreSQL for throwaway test data (no fsync); Kefu's data must survive a power cut.
        String durable = fresh ? "off" : "on";
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                // Stopped by the application context after everything that uses it (close()), not by a JVM hook of
                // the library's own: hooks run at once, and the database went away under the context's shutdown.
                .setRegisterShutdownHook(false)
                .setServerConfig("max_connections", "200")
                // customer imports write by several connections and commit them together (two-phase commit)
                .setServerConfig("max_prepared_transactions", "16")
                // a checkpoint makes the next change of every page write the whole page to the WAL: with the
                // default 1GB one came every fourth 100k-row import, costing it a tenth of its speed
                .setServerConfig("max_wal_size", "2GB")
                .setServerConfig("shared_buffers", sharedBuffers)
                .setServerConfig("fsync", durable)
                .setServerConfig("synchronous_commit", durable)
                .setServerConfig("full_page_writes", durable)
                .start();
        try {
            createDatabaseIfMissing(postgres);
        } catch (RuntimeException e) {
            postgres.close();
            throw e;
        }
        log.info("Embedded PostgreSQL running on port {} with data in {}", postgres.getPort(), data);
        return new EmbeddedPostgresServer(directory, channel, lock, postgres);
    }

    /**
     * A Kefu that was killed (not stopped) leaves its PostgreSQL running. We hold the folder's lock, so no Kefu
     * uses that server any more: stop it before starting ours.
     */
    private static void stopOrphanedServer(Path data) throws IOException {
        Path pidFile = data.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<ProcessHandle> orphan = Files.readAllLines(pidFile).stream().findFirst()
                .map(String::trim)
                .filter(line -> line.matches("\\d+"))
                .flatMap(pid -> ProcessHandle.of(Long.parseLong(pid)))
                .filter(process -> process.info().command().map(c -> c.contains("postgres")).orElse(false));
        if (orphan.isPresent()) {
            log.warn("Stopping PostgreSQL (pid {}) left running by an earlier Kefu", orphan.get().pid());
            ProcessHandle process = orphan.get();
            process.destroy();
            process.onExit().orTimeout(30, TimeUnit.SECONDS).exceptionally(e -> {
                process.destroyForcibly();
                return process;
            }).join();
        }
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            var exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'");
            if (!exists.next()) {
                statement.execute("CREATE DATABASE " + DATABASE
                        + " ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the database '" + DATABASE + "'", e);
        }
    }
}
