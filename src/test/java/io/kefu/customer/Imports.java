package io.kefu.customer;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.kefu.ApiClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Uploads a file to the import API and follows the import, as the progress bar on screen does, until it ends. */
final class Imports {

    private Imports() {
    }

    static JsonNode importAndWait(ApiClient api, String fileName, byte[] content, Map<String, String> fields) {
        return awaitEnd(api, start(api, fileName, content, fields));
    }

    /** Uploads and starts an import; returns its id. */
    static String start(ApiClient api, String fileName, byte[] content, Map<String, String> fields) {
        ApiClient.Response started = api.upload("/api/v1/customers/imports", fileName, content, fields);
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        return started.json().get("id").asString();
    }

    /** Follows an import until it is neither waiting its turn nor running, for at most 30 seconds. */
    static JsonNode awaitEnd(ApiClient api, String id) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        JsonNode status = api.get("/api/v1/customers/imports/" + id).json();
        while (!isEnded(status) && Instant.now().isBefore(deadline)) {
            pause();
            status = api.get("/api/v1/customers/imports/" + id).json();
        }
        return status;
    }

    static boolean isEnded(JsonNode status) {
        return List.of("DONE", "FAILED").contains(status.get("status").asString());
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
