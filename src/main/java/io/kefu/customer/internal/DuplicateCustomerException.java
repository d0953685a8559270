package io.kefu.customer.internal;

import java.util.Map;

import io.kefu.customer.IdentityKind;
import io.kefu.platform.DomainException;
import org.springframework.http.HttpStatus;

/** An identity being saved already belongs to another customer: the caller should open or merge that one. */
public class DuplicateCustomerException extends DomainException {

    private final long duplicateOf;
    private final String duplicateName;

    DuplicateCustomerException(long duplicateOf, String duplicateName, IdentityKind kind) {
        super(HttpStatus.CONFLICT, IdentityNormaliser.fieldOf(kind), "customer.duplicate." + kind, duplicateName,
                String.valueOf(duplicateOf));
        this.duplicateOf = duplicateOf;
        this.duplicateName = duplicateName;
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("duplicateOf", duplicateOf, "duplicateName", duplicateName);
    }

    public long duplicateOf() {
        return duplicateOf;
    }

    public String duplicateName() {
        return duplicateName;
    }
}
