package io.kefu.customer.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.kefu.platform.Text;

/** Names the fields an edit changed, for the timeline ("name, tags, phones"); values stay out of it. */
final class CustomerChanges {

    private CustomerChanges() {
    }

    static String describe(CustomerRecord before, CustomerDraft after) {
        List<String> changed = new ArrayList<>();
        compare(changed, "name", before.name(), after.name());
        compare(changed, "type", before.type(), after.type());
        compare(changed, "organizationId", before.organizationId(), after.organizationId());
        compare(changed, "tier", before.tier(), Text.blankToNull(after.tier()));
        compare(changed, "tags", before.tags(), after.tags());
        compare(changed, "region", before.region(), Text.blankToNull(after.region()));
        compare(changed, "lifecycleStage", before.lifecycleStage(), after.lifecycleStage());
        compare(changed, "birthday", before.birthday(), after.birthday());
        compare(changed, "consent", before.consent(), after.consent());
        compare(changed, "attributes", before.attributes(), after.attributes());
        compare(changed, "identities", before.identities(), after.identities());
        return String.join(", ", changed);
    }

    private static void compare(List<String> changed, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changed.add(field);
        }
    }
}
