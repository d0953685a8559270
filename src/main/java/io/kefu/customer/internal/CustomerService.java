package io.kefu.customer.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.kefu.audit.AuditLog;
import io.kefu.customer.CustomerDirectory;
import io.kefu.customer.CustomerIdentity;
import io.kefu.customer.CustomerType;
import io.kefu.customer.CustomersMerged;
import io.kefu.customer.LifecycleStage;
import io.kefu.identity.DataScope;
import io.kefu.identity.StaffDirectory;
import io.kefu.identity.StaffPrincipal;
import io.kefu.platform.DomainException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Customer records: creating them without duplicates, editing, merging, handing over to another owner, the
 * timeline and notes. Every read and write goes through the caller's data scope: a customer she may not see does
 * not exist for her (404).
 */
@Service
@Transactional
public class CustomerService {

    private final CustomerRepository customers;
    private final CustomerSearch search;
    private final CustomerFields fields;
    private final StaffDirectory staff;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    CustomerService(CustomerRepository customers, CustomerSearch search, CustomerFields fields, StaffDirectory staff,
                    AuditLog audit, ApplicationEventPublisher events) {
        this.customers = customers;
        this.search = search;
        this.fields = fields;
        this.staff = staff;
        this.audit = audit;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public CustomerScope scopeOf(StaffPrincipal viewer) {
        if (viewer.dataScope() == DataScope.DEPARTMENT && viewer.departmentId() != null) {
            return new CustomerScope(DataScope.DEPARTMENT, viewer.id(),
                    staff.departmentWithDescendants(viewer.departmentId()));
        }
        return new CustomerScope(viewer.dataScope(), viewer.id(), Set.of());
    }

    @Transactional(readOnly = true)
    public CustomerRecord get(long id, StaffPrincipal viewer) {
        CustomerRecord customer = customers.find(id).orElseThrow(() -> DomainException.notFound("customer", id));
        if (!isVisible(customer, viewer)) {
            throw DomainException.notFound("customer", id);
        }
        return customer;
    }

    /** The customer with her personal data, the reveal written to the audit log. */
    public CustomerRecord reveal(long id, StaffPrincipal viewer) {
        CustomerRecord customer = get(id, viewer);
        audit.record("customer.revealed", "customer", id, customer.name());
        return customer;
    }

    @Transactional(readOnly = true)
    public List<CustomerRecord> search(String query, Long cursor, int limit, StaffPrincipal viewer) {
        return customers.findAll(search.search(query, scopeOf(viewer), cursor, limit));
    }

    public CustomerRecord create(CustomerDraft draft, StaffPrincipal creator) {
        return customers.find(add(draft, creator).id()).orElseThrow();
    }

    /** Creates the customer and answers what a caller that goes on with her needs, without reading her back. */
    CustomerDirectory.CustomerSummary add(CustomerDraft draft, StaffPrincipal creator) {
        return insert(check(draft.withOwner(defaultOwner(draft.ownerId(), creator)), null, creator), creator);
    }

    /**
     * A person known only by her name and identities, which the caller has normalised and just found free while
     * holding their locks ({@link CustomerDirectoryService#resolveOrCreate}): there is nothing to check again.
     */
    CustomerDirectory.CustomerSummary addByFreeIdentities(String name, List<CustomerIdentity> normalised,
                                                         StaffPrincipal creator) {
        return insert(new CustomerDraft(CustomerType.PERSON, name, null, defaultOwner(null, creator), null, null,
                null, null, null, null, null, normalised), creator);
    }

    private CustomerDirectory.CustomerSummary insert(CustomerDraft checked, StaffPrincipal creator) {
        Long departmentId = departmentOf(checked.ownerId(), creator);
        long id = customers.insert(checked, departmentId, SearchKeys.of(checked.name()));
        customers.addIdentities(id, checked.identities());
        customers.addTimeline(id, "customer.created", creator.username(), checked.name(), "customer");
        audit.record("customer.created", "customer", id, checked.name());
        return new CustomerDirectory.CustomerSummary(id, checked.name(), checked.tier(), checked.ownerId(),
                departmentId);
    }

    public CustomerRecord update(long id, CustomerDraft draft, StaffPrincipal editor) {
        CustomerRecord current = get(id, editor);
        if (current.mergedIntoId() != null) {
            throw new DomainException(HttpStatus.CONFLICT, "customer.mergedAway", current.mergedIntoId());
        }
        CustomerDraft checked = check(draft, id, editor);
        Long departmentId = Objects.equals(checked.ownerId(), current.ownerId()) ? current.departmentId()
                : departmentOf(checked.ownerId(), editor);
        if (!customers.update(id, current.version(), checked, departmentId, SearchKeys.of(checked.name()))) {
            throw new DomainException(HttpStatus.CONFLICT, "problem.concurrentChange");
        }
        customers.replaceIdentities(id, checked.identities());
        String changes = CustomerChanges.describe(current, checked);
        if (!Objects.equals(checked.ownerId(), current.ownerId())) {
            customers.addTimeline(id, "customer.ownerChanged", editor.username(),
                    ownerName(current.ownerId()) + " → " + ownerName(checked.ownerId()), "customer");
        }
        if (!changes.isEmpty()) {
            customers.addTimeline(id, "customer.updated", editor.username(), changes, "customer");
        }
        audit.record("customer.updated", "customer", id, changes);
        return customers.find(id).orElseThrow();
    }

    /**
     * Merges {@code sourceId} into {@code survivorId}: identities, contacts and timeline move, blanks of the
     * survivor are filled from the source, tags are joined. Asking again for a merge already done changes nothing.
     */
    public CustomerRecord merge(long survivorId, long sourceId, StaffPrincipal actor) {
        if (survivorId == sourceId) {
            throw DomainException.onField(HttpStatus.CONFLICT, "sourceId", "customer.mergeSelf");
        }
        // Two merges of the same customer at once must not both go ahead: lock both, always in the same order.
        customers.lock(Math.min(survivorId, sourceId), Math.max(survivorId, sourceId));
        CustomerRecord survivor = get(survivorId, actor);
        CustomerRecord source = get(sourceId, actor);
        if (source.mergedIntoId() != null && source.mergedIntoId() == survivorId) {
            return survivor;
        }
        if (source.mergedIntoId() != null || survivor.mergedIntoId() != null) {
            throw DomainException.onField(HttpStatus.CONFLICT, "sourceId", "customer.mergedAway",
                    source.mergedIntoId() != null ? source.mergedIntoId() : survivor.mergedIntoId());
        }
        if (source.type() != survivor.type()) {
            throw DomainException.onField(HttpStatus.CONFLICT, "sourceId", "customer.mergeTypes");
        }
        CustomerDraft combined = combine(survivor, source);
        customers.mergeInto(survivorId, sourceId);
        CustomerRecord moved = customers.find(survivorId).orElseThrow();
        Long departmentId = Objects.equals(combined.ownerId(), survivor.ownerId()) ? moved.departmentId()
                : departmentOf(combined.ownerId(), actor);
        if (!customers.update(survivorId, moved.version(), withIdentities(combined, moved.identities()),
                departmentId, SearchKeys.of(combined.name()))) {
            throw new DomainException(HttpStatus.CONFLICT, "problem.concurrentChange");
        }
        customers.addTimeline(survivorId, "customer.merged", actor.username(),
                "#" + sourceId + " " + source.name(), "customer");
        audit.record("customer.merged", "customer", survivorId, "#" + sourceId + " → #" + survivorId);
        events.publishEvent(new CustomersMerged(survivorId, sourceId));
        return customers.find(survivorId).orElseThrow();
    }

    /** Hands every customer of one owner (optionally one stage or tier only) to another, e.g. when she leaves. */
    public int transfer(long fromOwnerId, long toOwnerId, LifecycleStage stage, String tier, StaffPrincipal actor) {
        if (fromOwnerId == toOwnerId) {
            throw DomainException.onField(HttpStatus.BAD_REQUEST, "toOwnerId", "customer.transferSame");
        }
        StaffDirectory.StaffSummary from = staff.find(fromOwnerId).orElseThrow(() -> DomainException.onField(
                HttpStatus.BAD_REQUEST, "fromOwnerId", "error.notFound.staff", String.valueOf(fromOwnerId)));
        StaffDirectory.StaffSummary to = activeStaff(toOwnerId, "toOwnerId");
        CustomerScope scope = scopeOf(actor);
        if (!withinScope(from, scope)) {
            throw DomainException.onField(HttpStatus.FORBIDDEN, "fromOwnerId", "customer.transferOutOfScope",
                    from.displayName());
        }
        if (!withinScope(to, scope)) {
            throw DomainException.onField(HttpStatus.FORBIDDEN, "toOwnerId", "customer.transferOutOfScope",
                    to.displayName());
        }
        int moved = customers.transfer(fromOwnerId, toOwnerId, to.departmentId(), stage, tier, scope,
                actor.username(), from.displayName() + " → " + to.displayName());
        audit.record("customer.transferred", "staff", fromOwnerId,
                moved + " customers " + from.username() + " → " + to.username());
        return moved;
    }

    public void addNote(long id, String text, StaffPrincipal author) {
        get(id, author);
        customers.addTimeline(id, "customer.note", author.username(), text.strip(), "customer");
    }

    @Transactional(readOnly = true)
    public List<TimelineEntry> timeline(long id, Long beforeId, int limit, StaffPrincipal viewer) {
        get(id, viewer);
        return customers.timeline(id, beforeId, limit);
    }

    private CustomerDraft check(CustomerDraft draft, Long selfId, StaffPrincipal actor) {
        if (draft.organizationId() != null) {
            if (draft.type() == CustomerType.ORGANIZATION) {
                throw DomainException.onField(HttpStatus.BAD_REQUEST, "organizationId", "customer.orgInOrg");
            }
            CustomerRecord org = get(draft.organizationId(), actor);
            if (org.type() != CustomerType.ORGANIZATION || org.id() == (selfId == null ? -1 : selfId)) {
                throw DomainException.onField(HttpStatus.BAD_REQUEST, "organizationId", "customer.notAnOrganization",
                        org.name());
            }
        }
        if (draft.ownerId() != null) {
            activeStaff(draft.ownerId(), "ownerId");
        }
        if (draft.name() == null || draft.name().isBlank()) {
            throw DomainException.onField(HttpStatus.BAD_REQUEST, "name", "customer.nameRequired");
        }
        List<CustomerIdentity> identities = normalised(draft.identities());
        Map<CustomerIdentity, Long> holders = customers.holdersOf(identities);
        for (CustomerIdentity identity : identities) {
            Long holder = holders.get(identity);
            if (holder != null && !holder.equals(selfId)) {
                CustomerRecord existing = customers.find(holder).orElseThrow();
                // Name the other customer only to whom may see her; to others the identity is just taken.
                throw isVisible(existing, actor)
                        ? new DuplicateCustomerException(holder, existing.name(), identity.kind())
                        : DomainException.onField(HttpStatus.CONFLICT, IdentityNormaliser.fieldOf(identity.kind()),
                                "customer.identityTaken." + identity.kind());
            }
        }
        return new CustomerDraft(draft.type(), draft.name().strip(), draft.organizationId(), draft.ownerId(),
                draft.tier(), draft.tags(), draft.region(), draft.lifecycleStage(), draft.birthday(), draft.consent(),
                fields.check(draft.attributes()), identities);
    }

    static List<CustomerIdentity> normalised(List<CustomerIdentity> raw) {
        Set<CustomerIdentity> unique = new LinkedHashSet<>();
        for (CustomerIdentity identity : raw) {
            unique.add(IdentityNormaliser.normalise(identity.kind(), identity.value()));
        }
        return new ArrayList<>(unique);
    }

    private StaffDirectory.StaffSummary activeStaff(long id, String field) {
        return staff.find(id).filter(StaffDirectory.StaffSummary::enabled).orElseThrow(() ->
                DomainException.onField(HttpStatus.BAD_REQUEST, field, "customer.ownerUnknown", String.valueOf(id)));
    }

    private Long departmentOf(Long ownerId, StaffPrincipal actor) {
        if (ownerId == null) {
            return actor.departmentId();
        }
        return staff.find(ownerId).map(StaffDirectory.StaffSummary::departmentId).orElse(null);
    }

    private String ownerName(Long ownerId) {
        return ownerId == null ? "—" : staff.find(ownerId).map(StaffDirectory.StaffSummary::displayName)
                .orElse("#" + ownerId);
    }

    /** Whether a staff member's customers are the actor's to hand over: her own, her department's, or anyone's. */
    private static boolean withinScope(StaffDirectory.StaffSummary owner, CustomerScope scope) {
        return switch (scope.scope()) {
            case ALL -> true;
            case OWN -> owner.id() == scope.staffId();
            case DEPARTMENT -> owner.id() == scope.staffId() || scope.departmentIds().contains(owner.departmentId());
        };
    }

    private boolean isVisible(CustomerRecord customer, StaffPrincipal viewer) {
        CustomerScope scope = scopeOf(viewer);
        return switch (scope.scope()) {
            case ALL -> true;
            case OWN -> customer.ownerId() != null && customer.ownerId() == viewer.id();
            case DEPARTMENT -> (customer.ownerId() != null && customer.ownerId() == viewer.id())
                    || (customer.departmentId() != null && scope.departmentIds().contains(customer.departmentId()));
        };
    }

    private static CustomerDraft combine(CustomerRecord survivor, CustomerRecord source) {
        Set<String> tags = new LinkedHashSet<>(survivor.tags());
        tags.addAll(source.tags());
        Map<String, Object> attributes = new LinkedHashMap<>(source.attributes());
        attributes.putAll(survivor.attributes());
        return new CustomerDraft(survivor.type(), survivor.name(),
                survivor.organizationId() != null ? survivor.organizationId() : source.organizationId(),
                survivor.ownerId() != null ? survivor.ownerId() : source.ownerId(),
                survivor.tier() != null ? survivor.tier() : source.tier(), List.copyOf(tags),
                survivor.region() != null ? survivor.region() : source.region(), survivor.lifecycleStage(),
                survivor.birthday() != null ? survivor.birthday() : source.birthday(), survivor.consent(),
                attributes, survivor.identities());
    }

    /**
     * A rep who sees only her own customers owns those she creates or imports without naming an owner, or she
     * could not see them; for everyone else they stay unassigned until given.
     */
    static Long defaultOwner(Long ownerId, StaffPrincipal creator) {
        return ownerId != null ? ownerId : creator.dataScope() == DataScope.OWN ? Long.valueOf(creator.id()) : null;
    }

    private static CustomerDraft withIdentities(CustomerDraft d, List<CustomerIdentity> identities) {
        return new CustomerDraft(d.type(), d.name(), d.organizationId(), d.ownerId(), d.tier(), d.tags(), d.region(),
                d.lifecycleStage(), d.birthday(), d.consent(), d.attributes(), identities);
    }
}
