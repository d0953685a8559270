package io.kefu.identity.internal;

import java.util.List;

import io.kefu.platform.BundledJson;
import tools.jackson.databind.json.JsonMapper;

/** The demo company of {@code demo/identity.json}: its department tree, one staff member per role, skill groups. */
record DemoCompany(List<Unit> departments, List<Member> staff, List<Group> skillGroups) {

    static DemoCompany read(JsonMapper json) {
        return BundledJson.read(json, "demo/identity.json", DemoCompany.class);
    }

    List<String> usernames() {
        return staff.stream().map(Member::username).toList();
    }

    record Unit(String name, List<Unit> children) {
        Unit {
            children = children == null ? List.of() : children;
        }
    }

    record Member(String username, String displayName, String department, List<String> roles, String email,
                  String phone) {
    }

    record Group(String name, String description, String department, List<String> members) {
    }
}
