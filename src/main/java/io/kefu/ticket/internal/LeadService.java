package io.kefu.ticket.internal;

import java.util.List;
import java.util.Optional;

import io.kefu.audit.AuditLog;
import io.kefu.customer.CustomerTimeline;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Working the leads: their state changes are audited and shown on the customer's timeline. */
@Service
@Transactional
public class LeadService {

    private final Leads leads;
    private final CustomerTimeline timeline;
    private final AuditLog audit;

    LeadService(Leads leads, CustomerTimeline timeline, AuditLog audit) {
        this.leads = leads;
        this.timeline = timeline;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public List<Leads.Lead> list(Leads.State state, int limit) {
        return leads.list(state, limit);
    }

    public Optional<Leads.Lead> setState(long id, Leads.State state) {
        if (!leads.setState(id, state)) {
            return Optional.empty();
        }
        Leads.Lead lead = leads.find(id).orElseThrow();
        timeline.add(lead.customerId(), "lead." + state.name(), lead.description(), "ticket");
        audit.record("lead.updated", "lead", id, state.name());
        return Optional.of(lead);
    }
}
