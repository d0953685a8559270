package io.kefu.customer;

import io.kefu.customer.internal.IdentityNormaliser;

/** One identity of a customer, normalised: phones in E.164 (+8613812345678), emails in lower case. */
public record CustomerIdentity(IdentityKind kind, String value) {

    /** The identity as typed, normalised; a malformed value is refused with a 400 naming the field. */
    public static CustomerIdentity normalised(IdentityKind kind, String raw) {
        return IdentityNormaliser.normalise(kind, raw);
    }

    /** How people read it: Chinese phone numbers without +86. */
    public String shown() {
        return kind == IdentityKind.PHONE ? IdentityNormaliser.displayPhone(value) : value;
    }

    /** Shown with its middle hidden when it is personal data (138****5678). */
    public String masked() {
        return IdentityNormaliser.mask(this);
    }
}
