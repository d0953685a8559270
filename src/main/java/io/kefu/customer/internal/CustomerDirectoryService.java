package io.kefu.customer.internal;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.kefu.customer.CustomerDirectory;
import io.kefu.customer.CustomerIdentity;
import io.kefu.customer.CustomerTimeline;
import io.kefu.customer.IdentityKind;
import io.kefu.identity.StaffPrincipal;
import io.kefu.platform.DomainException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The customer module's door for other modules: identity lookups, inline creation and timeline entries. */
@Service
@Transactional
class CustomerDirectoryService implements CustomerDirectory, CustomerTimeline {

    private final CustomerRepository customers;
    private final CustomerService service;

    CustomerDirectoryService(CustomerRepository customers, CustomerService service) {
        this.customers = customers;
        this.service = service;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Long> findByIdentity(IdentityKind kind, String value) {
        try {
            return customers.findByIdentity(IdentityNormaliser.normalise(kind, value));
        } catch (DomainException notAnIdentity) {
            return Optional.empty();
        }
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<CustomerSummary> summary(long customerId) {
        Optional<CustomerRecord> found = customers.find(customerId);
        for (int hops = 0; found.isPresent() && found.get().mergedIntoId() != null && hops < 10; hops++) {
            found = customers.find(found.get().mergedIntoId());
        }
        return found.map(CustomerDirectoryService::summaryOf);
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, CustomerSummary> summaries(Collection<Long> customerIds) {
        return customers.summaries(customerIds).stream()
                .collect(Collectors.toMap(CustomerSummary::id, Function.identity()));
    }

    @Override
    public CustomerSummary resolveOrCreate(String name, List<CustomerIdentity> identities, StaffPrincipal creator) {
        List<CustomerIdentity> normalised = identities.stream()
                .map(i -> IdentityNormaliser.normalise(i.kind(), i.value())).distinct().toList();
        if (normalised.isEmpty()) {
            throw DomainException.onField(HttpStatus.BAD_REQUEST, "customer", "customer.identityRequired");
        }
        customers.lockIdentities(normalised);
        for (CustomerIdentity identity : normalised) {
            Optional<Long> existing = customers.findByIdentity(identity);
            if (existing.isPresent()) {
                addUnclaimed(existing.get(), normalised, creator);
                return summary(existing.get()).orElseThrow();
            }
        }
        String displayName = name == null || name.isBlank() ? normalised.get(0).value() : name.strip();
        return service.addByFreeIdentities(displayName, normalised, creator);
    }

    /**
     * The identities nobody holds yet join the customer found by another one: the WeChat user who gave her phone
     * number is recognised by her OpenID next time, whichever channel she uses.
     */
    private void addUnclaimed(long customerId, List<CustomerIdentity> identities, StaffPrincipal actor) {
        for (CustomerIdentity identity : identities) {
            if (customers.findByIdentity(identity).isEmpty() && customers.addIdentity(customerId, identity)) {
                customers.addTimeline(customerId, "customer.identityAdded", actor.username(),
                        identity.masked(), "customer");
            }
        }
    }

    @Override
    public void add(long customerId, String kind, String summary, String source) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        customers.addTimeline(customerId, kind, authentication == null ? "system" : authentication.getName(),
                summary, source);
    }

    @Override
    public void addByCustomer(long customerId, String kind, String summary, String source) {
        customers.addTimelineByCustomer(customerId, kind, summary, source);
    }

    @Override
    public void awardLoyaltyPoints(long customerId, int points, String reason) {
        if (points < 1) {
            throw DomainException.onField(HttpStatus.BAD_REQUEST, "points", "customer.loyaltyPointsPositive");
        }
        long target = summary(customerId).orElseThrow(() -> DomainException.notFound("customer", customerId)).id();
        customers.addLoyaltyPoints(target, points);
        add(target, "customer.loyaltyPoints", "+" + points + " · " + reason, "customer");
    }

    @Override
    @Transactional(readOnly = true)
    public int loyaltyPoints(long customerId) {
        return customers.loyaltyPoints(customerId);
    }

    private static CustomerSummary summaryOf(CustomerRecord r) {
        return new CustomerSummary(r.id(), r.name(), r.tier(), r.ownerId(), r.departmentId());
    }
}
