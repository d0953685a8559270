package io.kefu;

import tools.jackson.databind.JsonNode;

/** Ids that tests look up through the API by the names people use. */
public final class Lookups {

    private Lookups() {
    }

    public static long roleId(ApiClient admin, String code) {
        for (JsonNode role : admin.get("/api/v1/roles").json()) {
            if (role.get("code").asString().equals(code)) {
                return role.get("id").asLong();
            }
        }
        throw new IllegalStateException("no role " + code);
    }

    public static long staffId(ApiClient admin, String username) {
        for (JsonNode staff : admin.get("/api/v1/staff?q=" + username).json()) {
            if (staff.get("username").asString().equals(username)) {
                return staff.get("id").asLong();
            }
        }
        throw new IllegalStateException("no staff " + username);
    }
}
