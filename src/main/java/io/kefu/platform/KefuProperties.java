package io.kefu.platform;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Kefu's own settings, bound from {@code kefu.*} (see application.yml for the environment variables).
 *
 * @param dataDir        where the embedded database and stored files live
 * @param demoData       load the demo company when the database is empty
 * @param adminPassword  the administrator's password on first start; generated and printed when blank
 * @param bootstrapToken the secret of an administrator API token created on first start, if set
 */
@ConfigurationProperties("kefu")
public record KefuProperties(Path dataDir, boolean demoData, String adminPassword, String bootstrapToken) {

    public KefuProperties {
        dataDir = dataDir == null ? Path.of("kefu-data") : dataDir;
    }

    public Path databaseDir() {
        return dataDir.resolve("postgres");
    }
}
