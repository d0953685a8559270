package io.kefu.sla;

import java.util.function.Predicate;

import io.kefu.ApiClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Calendars and policies the SLA tests make through the API, scoped by ticket types of their own. */
final class SlaFixtures {

    private SlaFixtures() {
    }

    /** A calendar open round the clock, so that business time equals wall time. */
    static long allDayCalendar(ApiClient admin, String name) {
        StringBuilder periods = new StringBuilder();
        for (String day : new String[] {"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"}) {
            periods.append(periods.isEmpty() ? "" : ", ")
                    .append("{\"dayOfWeek\": \"").append(day).append("\", \"start\": \"00:00\", \"end\": \"24:00\"}");
        }
        ApiClient.Response created = admin.post("/api/v1/sla/calendars",
                "{\"name\": \"" + name + "\", \"zone\": \"UTC\", \"weeklyPeriods\": [" + periods + "]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    /** The first item of the list the API gives at this path that matches; null if none does. */
    static JsonNode first(ApiClient admin, String path, Predicate<JsonNode> which) {
        for (JsonNode item : admin.get(path).json()) {
            if (which.test(item)) {
                return item;
            }
        }
        return null;
    }

    static long policy(ApiClient admin, String json) {
        ApiClient.Response created = admin.post("/api/v1/sla/policies", json);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asLong();
    }
}
