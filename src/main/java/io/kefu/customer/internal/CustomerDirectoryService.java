package io.kefu.customer.internal;

import java.util.Optional;

import io.kefu.customer.CustomerDirectory;
import io.kefu.customer.CustomerTimeline;
import io.kefu.customer.IdentityKind;
import io.kefu.platform.DomainException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The customer module's door for other modules: identity lookups and timeline entries. */
@Service
@Transactional
class CustomerDirectoryService implements CustomerDirectory, CustomerTimeline {

    private final CustomerRepository customers;

    CustomerDirectoryService(CustomerRepository customers) {
        this.customers = customers;
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
    public void add(long customerId, String kind, String summary, String source) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        customers.addTimeline(customerId, kind, authentication == null ? "system" : authentication.getName(),
                summary, source);
    }
}
