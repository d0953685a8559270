package io.kefu.knowledge;

import java.util.UUID;

import io.kefu.ApiClient;
import io.kefu.Lookups;
import io.kefu.TestAccounts;
import tools.jackson.databind.JsonNode;

/** API clients acting as the demo staff, and articles made through the API as a user would. */
final class KnowledgeClients {

    final ApiClient admin;
    final ApiClient agent;
    final ApiClient supervisor;
    final ApiClient inspector;

    KnowledgeClients(int port) {
        admin = new ApiClient(port, TestAccounts.BOOTSTRAP_TOKEN);
        agent = as(port, TestAccounts.AGENT);
        supervisor = as(port, TestAccounts.SUPERVISOR);
        inspector = as(port, TestAccounts.QUALITY_INSPECTOR);
    }

    private ApiClient as(int port, String username) {
        return new ApiClient(port, Lookups.tokenFor(admin, Lookups.staffId(admin, username)));
    }

    /** A new draft written by the agent, with a unique title. */
    JsonNode draft(String title, String body, String visibility) {
        ApiClient.Response created = agent.post("/api/v1/knowledge/articles", """
                {"title": "%s", "body": "%s", "visibility": "%s", "tags": ["宽带", "断网"]}"""
                .formatted(title, body, visibility));
        if (created.status() != 201) {
            throw new IllegalStateException(created.body());
        }
        return created.json();
    }

    /** A draft taken through review to PUBLISHED by the supervisor. */
    JsonNode published(String title, String body, String visibility) {
        long id = draft(title, body, visibility).get("id").asLong();
        act(agent, id, "SUBMIT", null);
        return act(supervisor, id, "PUBLISH", null).json();
    }

    ApiClient.Response act(ApiClient client, long id, String action, String comment) {
        String json = comment == null ? "{\"action\": \"%s\"}".formatted(action)
                : "{\"action\": \"%s\", \"comment\": \"%s\"}".formatted(action, comment);
        return client.post("/api/v1/knowledge/articles/" + id + "/transitions", json);
    }

    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }
}
