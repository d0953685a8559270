package io.kefu.sla.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.kefu.audit.AuditLog;
import io.kefu.platform.DomainException;
import io.kefu.sla.SlaCriteria;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** SLA policies: editing them (audited) and choosing the one that applies to a ticket. */
@Service
@Transactional
public class PolicyService {

    /** The ticket priorities a policy may name. */
    public static final List<String> PRIORITIES = List.of("LOW", "NORMAL", "HIGH", "URGENT");

    private static final Comparator<PolicyRecord> BEST = Comparator.comparingInt(PolicyRecord::specificity)
            .reversed().thenComparingInt(PolicyRecord::rank).thenComparingLong(PolicyRecord::id);

    private final PolicyStore store;
    private final CalendarStore calendars;
    private final SlaSettings settings;
    private final AuditLog audit;

    PolicyService(PolicyStore store, CalendarStore calendars, SlaSettings settings, AuditLog audit) {
        this.store = store;
        this.calendars = calendars;
        this.settings = settings;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public List<PolicyRecord> all() {
        return store.all();
    }

    @Transactional(readOnly = true)
    public PolicyRecord get(long id) {
        return store.find(id).orElseThrow(() -> DomainException.notFound("slaPolicy", id));
    }

    /** Among the active policies whose every criterion holds, the most specific, then the lowest rank and id. */
    @Transactional(readOnly = true)
    public Optional<PolicyRecord> match(SlaCriteria criteria) {
        return settings.current().activePolicies().stream().filter(p -> p.matches(criteria)).min(BEST);
    }

    public PolicyRecord create(PolicyDraft draft) {
        PolicyDraft clean = check(draft, null);
        long id = store.insert(clean, calendarOf(clean));
        audit.record("sla.policyCreated", "slaPolicy", id, summary(clean));
        return get(id);
    }

    public PolicyRecord update(long id, PolicyDraft draft) {
        get(id);
        PolicyDraft clean = check(draft, id);
        store.update(id, clean, calendarOf(clean));
        audit.record("sla.policyUpdated", "slaPolicy", id, summary(clean));
        return get(id);
    }

    public void delete(long id) {
        PolicyRecord policy = get(id);
        store.delete(id);
        audit.record("sla.policyDeleted", "slaPolicy", id, policy.name());
    }

    private long calendarOf(PolicyDraft draft) {
        if (draft.calendarId() == null) {
            return calendars.defaultId().orElseThrow(() -> DomainException.onField(HttpStatus.BAD_REQUEST,
                    "calendarId", "error.notFound.slaCalendar", "default"));
        }
        return calendars.find(draft.calendarId()).map(CalendarRecord::id).orElseThrow(() ->
                DomainException.onField(HttpStatus.BAD_REQUEST, "calendarId", "error.notFound.slaCalendar",
                        draft.calendarId()));
    }

    /** Checks what Bean Validation cannot and normalises codes to upper case, tiers to trimmed text. */
    private PolicyDraft check(PolicyDraft draft, Long id) {
        String name = draft.name() == null ? "" : draft.name().strip();
        if (name.isEmpty()) {
            throw DomainException.onField(HttpStatus.BAD_REQUEST, "name", "sla.nameRequired");
        }
        if (store.nameTaken(name, id)) {
            throw DomainException.onField(HttpStatus.CONFLICT, "name", "sla.policy.nameTaken", name);
        }
        if (draft.firstResponseMinutes() <= 0) {
            throw DomainException.onField(HttpStatus.BAD_REQUEST, "firstResponseMinutes", "sla.policy.targetPositive");
        }
        if (draft.resolutionMinutes() <= 0) {
            throw DomainException.onField(HttpStatus.BAD_REQUEST, "resolutionMinutes", "sla.policy.targetPositive");
        }
        if (draft.warnPercent() < 1 || draft.warnPercent() > 99) {
            throw DomainException.onField(HttpStatus.BAD_REQUEST, "warnPercent", "sla.policy.warnPercentRange");
        }
        Set<String> priorities = codes(draft.priorities());
        priorities.stream().filter(p -> !PRIORITIES.contains(p)).findFirst().ifPresent(p -> {
            throw DomainException.onField(HttpStatus.BAD_REQUEST, "priorities", "sla.policy.unknownPriority", p);
        });
        return new PolicyDraft(name, draft.active(), draft.rank(), codes(draft.ticketTypes()), priorities,
                draft.customerTiers().stream().map(String::strip).filter(t -> !t.isEmpty())
                        .collect(Collectors.toSet()),
                codes(draft.channels()), draft.firstResponseMinutes(), draft.resolutionMinutes(), draft.warnPercent(),
                draft.calendarId());
    }

    private static Set<String> codes(Set<String> values) {
        return values.stream().map(v -> v.strip().toUpperCase(Locale.ROOT)).filter(v -> !v.isEmpty())
                .collect(Collectors.toSet());
    }

    private static String summary(PolicyDraft d) {
        return d.name() + " " + d.firstResponseMinutes() + "/" + d.resolutionMinutes() + "min active=" + d.active();
    }
}
