package io.kefu.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.json.JsonMapper;

/** A JSON file shipped inside Kefu (the demo data), read into its type: one that cannot be read is a bug. */
public final class BundledJson {

    private BundledJson() {
    }

    public static <T> T read(JsonMapper json, String resource, Class<T> type) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return json.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException(resource + " cannot be read", e);
        }
    }
}
