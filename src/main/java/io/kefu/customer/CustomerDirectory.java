package io.kefu.customer;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.kefu.identity.StaffPrincipal;

/** Finds the customer behind an identity, as channels do when a message arrives, and creates her when new. */
public interface CustomerDirectory {

    /** What other modules show and match on: a ticket's SLA depends on the tier, its scope on the owner. */
    record CustomerSummary(long id, String name, String tier, Long ownerId, Long departmentId) {
    }

    /** The live customer (never a merged-away one) holding this identity; the value is normalised first. */
    Optional<Long> findByIdentity(IdentityKind kind, String value);

    /** The customer, or the one she was merged into; empty if there is no such customer. */
    Optional<CustomerSummary> summary(long customerId);

    /** Summaries of many customers at once, for lists; merged-away ones appear under their own id. */
    Map<Long, CustomerSummary> summaries(Collection<Long> customerIds);

    /**
     * The customer holding any of these identities, or a new one with this name and identities when none does.
     * Two callers resolving the same new identities at once get the same customer, never two.
     *
     * @param identities raw values as typed; they are normalised (a malformed one is refused with 400)
     */
    CustomerSummary resolveOrCreate(String name, List<CustomerIdentity> identities, StaffPrincipal creator);

    /**
     * Adds points to the customer's loyalty balance (e.g. for an accepted suggestion to the help centre) and puts
     * the award with its reason on her timeline. Refused with 400 for points below 1, 404 for an unknown customer.
     */
    void awardLoyaltyPoints(long customerId, int points, String reason);

    /** Her loyalty balance; 0 for an unknown customer. */
    int loyaltyPoints(long customerId);
}
