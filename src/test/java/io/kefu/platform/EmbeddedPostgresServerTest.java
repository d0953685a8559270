package io.kefu.platform;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.kefu.platform.database.EmbeddedPostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded server keeps its data between starts and refuses a second Kefu on the same folder. */
class EmbeddedPostgresServerTest {

    @TempDir
    Path folder;

    @Test
    void secondStartFindsTheDataOfTheFirst() throws Exception {
        try (EmbeddedPostgresServer first = EmbeddedPostgresServer.acquire(folder, false, "128MB")) {
            execute(first, "CREATE TABLE kept (note text); INSERT INTO kept VALUES ('客服')");
        }
        try (EmbeddedPostgresServer second = EmbeddedPostgresServer.acquire(folder, false, "128MB");
             var connection = DriverManager.getConnection(second.jdbcUrl(), second.username(), "");
             var rows = connection.createStatement().executeQuery("SELECT note FROM kept")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("客服");
        }
    }

    @Test
    void anotherProcessOnTheSameFolderStopsWithAClearMessage() throws Exception {
        try (EmbeddedPostgresServer running = EmbeddedPostgresServer.acquire(folder, false, "128MB")) {
            Process second = new ProcessBuilder(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"),
                    SecondStart.class.getName(), folder.toString()))
                    .redirectErrorStream(true)
                    .start();
            assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String output = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(second.exitValue()).isNotZero();
            assertThat(output).contains("Another Kefu is already running with its data in");
            execute(running, "SELECT 1");
        }
        assertThat(Files.exists(folder.resolve("data").resolve("PG_VERSION"))).isTrue();
    }

    private static void execute(EmbeddedPostgresServer server, String sql) throws Exception {
        try (var connection = DriverManager.getConnection(server.jdbcUrl(), server.username(), "")) {
            connection.createStatement().execute(sql);
        }
    }

    /** Run in a child JVM: tries to start on a folder the test already uses. */
    public static final class SecondStart {
        public static void main(String[] args) {
            try (EmbeddedPostgresServer server = EmbeddedPostgresServer.acquire(Path.of(args[0]), false, "128MB")) {
                System.out.println("started, which it must not");
            } catch (IllegalStateException e) {
                System.out.println(e.getMessage());
                System.exit(3);
            }
        }
    }
}
