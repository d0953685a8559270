package io.kefu.identity.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.json.JsonMapper;

/** The demo company of {@code demo/identity.json}: its department tree, one staff member per role, skill groups. */
record DemoCompany(List<Unit> departments, List<Member> staff, List<Group> skillGroups) {

    static DemoCompany read(JsonMapper json) {
        try (InputStream in = new ClassPathResource("demo/identity.json").getInputStream()) {
            return json.readValue(in, DemoCompany.class);
        } catch (IOException e) {
            throw new IllegalStateException("The demo company (demo/identity.json) cannot be read", e);
        }
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
