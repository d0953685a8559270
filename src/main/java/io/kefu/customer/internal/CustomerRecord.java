package io.kefu.customer.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.kefu.customer.CustomerIdentity;
import io.kefu.customer.CustomerType;
import io.kefu.customer.IdentityKind;
import io.kefu.customer.LifecycleStage;

/** A customer as stored, with her identities. */
public record CustomerRecord(long id, CustomerType type, String name, Long organizationId, String organizationName,
                             Long ownerId, Long departmentId, String tier, List<String> tags, String region,
                             LifecycleStage lifecycleStage, LocalDate birthday, Consent consent,
                             Map<String, Object> attributes, List<CustomerIdentity> identities, Long mergedIntoId,
                             Instant createdAt, Instant updatedAt, long version) {

    /** Whether she agreed to be contacted by email, SMS and phone. */
    public record Consent(boolean email, boolean sms, boolean phone) {
    }

    public List<String> valuesOf(IdentityKind kind) {
        return identities.stream().filter(i -> i.kind() == kind).map(CustomerIdentity::value).toList();
    }

    public String firstValueOf(IdentityKind kind) {
        List<String> values = valuesOf(kind);
        return values.isEmpty() ? null : values.get(0);
    }
}
