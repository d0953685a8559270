package io.kefu.platform;

import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import io.kefu.KefuApplication;
import io.kefu.platform.database.EmbeddedPostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** With SPRING_DATASOURCE_URL set, Kefu uses that PostgreSQL and starts none of its own. */
class ExternalDatabaseTest {

    @TempDir
    Path externalServerFolder;

    @TempDir
    Path kefuDataFolder;

    @Test
    void anExternalDatabaseIsMigratedAndNoEmbeddedServerStarts() {
        try (EmbeddedPostgresServer external = EmbeddedPostgresServer.acquire(externalServerFolder, true, "128MB");
             ConfigurableApplicationContext kefu = new SpringApplicationBuilder(KefuApplication.class)
                     .run("--server.port=0",
                             "--spring.datasource.url=" + external.jdbcUrl(),
                             "--spring.datasource.username=" + external.username(),
                             "--kefu.data-dir=" + kefuDataFolder,
                             "--kefu.demo-data=false",
                             "--kefu.admin-password=External-Boss-2026")) {

            assertThat(kefu.getBeansOfType(EmbeddedPostgresServer.class)).isEmpty();
            assertThat(Files.exists(kefuDataFolder.resolve("postgres"))).isFalse();
            JdbcClient jdbc = JdbcClient.create(kefu.getBean(DataSource.class));
            assertThat(jdbc.sql("SELECT username FROM staff").query(String.class).list()).containsExactly("admin");
        }
    }
}
