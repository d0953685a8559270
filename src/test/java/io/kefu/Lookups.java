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

    /** The secret of a new API token acting as this staff member, made by an administrator. */
    public static String tokenFor(ApiClient admin, long staffId) {
        return admin.post("/api/v1/tokens", "{\"name\": \"test\", \"staffId\": " + staffId + "}").json()
                .get("secret").asString();
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
