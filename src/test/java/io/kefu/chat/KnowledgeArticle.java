package io.kefu.chat;

/** A public article published through the knowledge API, as the bot's source. */
final class KnowledgeArticle {

    private final ChatFixtures chat;

    KnowledgeArticle(ChatFixtures chat) {
        this.chat = chat;
    }

    long publish(String title, String body) {
        long id = chat.agent.post("/api/v1/knowledge/articles", """
                {"title": "%s", "body": "%s", "visibility": "PUBLIC", "tags": []}""".formatted(title, body))
                .json().get("id").asLong();
        chat.agent.post("/api/v1/knowledge/articles/" + id + "/transitions", "{\"action\": \"SUBMIT\"}");
        chat.supervisor.post("/api/v1/knowledge/articles/" + id + "/transitions", "{\"action\": \"PUBLISH\"}");
        return id;
    }
}
