package io.kefu.customer;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.kefu.ApiClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Uploads a file to the import API and follows the import, as the progress bar on screen does, until it ends. */
final class Imports {

    private Imports() {
    }

    static JsonNode importAndWait(ApiClient api, String fileName, byte[] content, Map<String, String> fields) {
        ApiClient.Response started = api.upload("/api/v1/customers/imports", fileName, content, fields);
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String id = started.json().get("id").asString();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        JsonNode status = started.json();
        while (status.get("status").asString().equals("RUNNING") && Instant.now().isBefore(deadline)) {
            pause();
            status = api.get("/api/v1/customers/imports/" + id).json();
        }
        return status;
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
