package io.kefu.customer.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.kefu.customer.CustomerIdentity;
import io.kefu.customer.CustomerType;
import io.kefu.customer.LifecycleStage;

/**
 * Everything a customer record holds that a person or an import may set; identities raw, as typed. Null owner
 * means "unassigned" and null lists mean "none".
 */
public record CustomerDraft(CustomerType type, String name, Long organizationId, Long ownerId, String tier,
                            List<String> tags, String region, LifecycleStage lifecycleStage, LocalDate birthday,
                            CustomerRecord.Consent consent, Map<String, Object> attributes,
                            List<CustomerIdentity> identities) {

    public CustomerDraft {
        tags = tags == null ? List.of() : tags.stream().filter(Objects::nonNull).map(String::strip)
                .filter(t -> !t.isEmpty()).distinct().toList();
        attributes = attributes == null ? Map.of() : attributes;
        // one list class whatever the count (List.copyOf has two), for the import's compiled loops
        identities = identities == null ? List.of() : identities.stream().toList();
        lifecycleStage = lifecycleStage == null ? LifecycleStage.PROSPECT : lifecycleStage;
        consent = consent == null ? new CustomerRecord.Consent(false, false, false) : consent;
    }

    public CustomerDraft withOwner(Long newOwnerId) {
        return new CustomerDraft(type, name, organizationId, newOwnerId, tier, tags, region, lifecycleStage, birthday,
                consent, attributes, identities);
    }

    public static CustomerDraft of(CustomerRecord r) {
        return new CustomerDraft(r.type(), r.name(), r.organizationId(), r.ownerId(), r.tier(), r.tags(), r.region(),
                r.lifecycleStage(), r.birthday(), r.consent(), r.attributes(), r.identities());
    }
}
