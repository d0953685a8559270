package io.kefu.ticket.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.kefu.customer.CustomerDirectory;
import io.kefu.customer.CustomerTimeline;
import io.kefu.identity.DataScope;
import io.kefu.identity.Permission;
import io.kefu.identity.StaffDirectory;
import io.kefu.identity.StaffPrincipal;
import io.kefu.platform.DomainException;
import io.kefu.sla.SlaMetric;
import io.kefu.ticket.TicketAction;
import io.kefu.ticket.TicketChannel;
import io.kefu.ticket.TicketPriority;
import io.kefu.ticket.TicketReplied;
import io.kefu.ticket.TicketState;
import io.kefu.ticket.TicketStateChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Work orders once opened: the conversation, the actions between states, assignment, return visits. Opening them is
 * {@link TicketOpening}'s, dispatch {@link TicketDispatch}'s.
 * A ticket outside the caller's data scope does not exist for her (404). Changes are made under a row lock and,
 * when the caller names the version she saw, refused with 409 if someone changed the ticket since.
 */
@Service
@Transactional
public class TicketService {

    private final TicketRepository tickets;
    private final TicketJournal journal;
    private final TicketTypes types;
    private final TicketCategories categories;
    private final Leads leads;
    private final ReturnVisits returnVisits;
    private final CannedReplies cannedReplies;
    private final TicketSla sla;
    private final TicketNotices notices;
    private final CustomerDirectory customers;
    private final CustomerTimeline timeline;
    private final StaffDirectory staff;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TicketSearch search;

    TicketService(TicketRepository tickets, TicketJournal journal, TicketTypes types, TicketCategories categories,
                  Leads leads, ReturnVisits returnVisits, CannedReplies cannedReplies, TicketSla sla,
                  TicketNotices notices, CustomerDirectory customers, CustomerTimeline timeline, StaffDirectory staff,
                  ApplicationEventPublisher events, Clock clock, TicketSearch search) {
        this.tickets = tickets;
        this.journal = journal;
        this.types = types;
        this.categories = categories;
        this.leads = leads;
        this.returnVisits = returnVisits;
        this.cannedReplies = cannedReplies;
        this.sla = sla;
        this.notices = notices;
        this.customers = customers;
        this.timeline = timeline;
        this.staff = staff;
        this.events = events;
        this.clock = clock;
        this.search = search;
    }

    /**
     * The customer wrote on her ticket: a resolved one is reopened, one waiting on her resumes (her answer is what
     * it waited for), and the message is on her timeline with the channel it came by.
     */
    void customerWrote(Ticket ticket, String customerName, TicketChannel channel) {
        search.changed(ticket.getId());
        TicketAction follow = ticket.getState() == TicketState.RESOLVED ? TicketAction.REOPEN
                : ticket.getState() == TicketState.WAITING_ON_CUSTOMER ? TicketAction.RESUME : null;
        if (follow != null) {
            move(ticket, follow, 0, customerName);
        } else {
            ticket.touch(clock.instant());
        }
        timeline.addByCustomer(ticket.getCustomerId(), "ticket.customerMessage", label(ticket), channel.name());
        tickets.flush();
    }

    /** The customer rated the service on her ticket: it shows in the history and on her timeline. */
    void rated(Ticket ticket, int score) {
        journal.recordChange(ticket.getId(), customers.summary(ticket.getCustomerId())
                .map(CustomerDirectory.CustomerSummary::name).orElse("-"), "rating", null, score);
        timeline.addByCustomer(ticket.getCustomerId(), "ticket.rated", label(ticket) + " · " + score + "/5", "ticket");
    }

    @Transactional(readOnly = true)
    public Ticket get(long id, StaffPrincipal viewer) {
        Ticket ticket = tickets.findById(id).orElseThrow(() -> DomainException.notFound("ticket", id));
        if (!scopeOf(viewer).allows(ticket)) {
            throw DomainException.notFound("ticket", id);
        }
        return ticket;
    }

    @Transactional(readOnly = true)
    public TicketScope scopeOf(StaffPrincipal viewer) {
        Set<Long> departments = viewer.dataScope() == DataScope.DEPARTMENT && viewer.departmentId() != null
                ? staff.departmentWithDescendants(viewer.departmentId()) : Set.of();
        return new TicketScope(viewer.dataScope(), viewer.id(), departments, staff.skillGroupsOf(viewer.id()));
    }

    /** Edits the fields a person may change after creation; each change goes to the history. */
    public Ticket edit(long id, long expectedVersion, String typeCode, TicketPriority priority, Long categoryId,
                       String subject, Map<String, Object> customFields, StaffPrincipal editor) {
        Ticket ticket = lock(id, expectedVersion, editor);
        types.require(typeCode);
        categories.require(categoryId);
        String actor = editor.displayName();
        journal.recordChange(id, actor, "type", ticket.getTypeCode(), typeCode);
        journal.recordChange(id, actor, "priority", ticket.getPriority(), priority);
        journal.recordChange(id, actor, "category", ticket.getCategoryId(), categoryId);
        journal.recordChange(id, actor, "subject", ticket.getSubject(), subject.strip());
        journal.recordChange(id, actor, "customFields", ticket.getCustomFields(), customFields);
        ticket.edit(typeCode, priority, categoryId, subject.strip(), customFields, clock.instant());
        tickets.flush();
        return ticket;
    }

    /**
     * Adds a public reply or an internal note. A public reply is the first response the SLA waits for. An
     * opportunity, when given, becomes a lead for the sales department.
     */
    public Ticket reply(long id, ArticleKind kind, String body, String opportunity, StaffPrincipal author) {
        Ticket ticket = lock(id, null, author);
        if (kind == ArticleKind.PUBLIC_REPLY && ticket.getState() == TicketState.CLOSED) {
            throw new DomainException(HttpStatus.CONFLICT, "ticket.closedNoReply");
        }
        Instant now = clock.instant();
        long articleId = journal.addArticle(id, kind, body.strip(), author.id(), author.displayName());
        if (kind == ArticleKind.PUBLIC_REPLY) {
            events.publishEvent(new TicketReplied(id, ticket.number(), ticket.getCustomerId(), articleId,
                    ticket.getChannel(), ticket.getSubject(), body.strip(), author.id(), author.displayName()));
        }
        if (kind == ArticleKind.PUBLIC_REPLY && ticket.getFirstRespondedAt() == null) {
            ticket.markFirstResponse(now);
            sla.firstResponse(ticket, now);
        } else {
            ticket.touch(now);
        }
        timeline.add(ticket.getCustomerId(), kind == ArticleKind.PUBLIC_REPLY ? "ticket.replied" : "ticket.noted",
                label(ticket), "ticket");
        if (opportunity != null && !opportunity.isBlank()) {
            leads.open(ticket, opportunity.strip(), author.id());
            timeline.add(ticket.getCustomerId(), "lead.created", opportunity.strip(), "ticket");
        }
        tickets.flush();
        return ticket;
    }

    public Ticket transition(long id, TicketAction action, Long expectedVersion, StaffPrincipal actor) {
        Ticket ticket = lock(id, expectedVersion, actor);
        if (!action.isAllowedFrom(ticket.getState())) {
            throw new NotAllowedHere(action, ticket);
        }
        if (action == TicketAction.START && ticket.getAssigneeId() != null && ticket.getAssigneeId() != actor.id()
                && !actor.can(Permission.TICKET_DISPATCH)) {
            throw new DomainException(HttpStatus.CONFLICT, "ticket.assignedToOther");
        }
        if (action == TicketAction.CLOSE && needsVerdict(ticket)) {
            throw new DomainException(HttpStatus.CONFLICT, "ticket.returnVisitRequired");
        }
        move(ticket, action, actor.id(), actor.displayName());
        return ticket;
    }

    /** Gives the ticket to a staff member (herself with TICKET_WRITE, anyone with TICKET_DISPATCH). */
    public Ticket assign(long id, long assigneeId, StaffPrincipal actor) {
        if (assigneeId != actor.id() && !actor.can(Permission.TICKET_DISPATCH)) {
            throw new AccessDeniedException("assign to others");
        }
        Ticket ticket = lock(id, null, actor);
        requireOpen(ticket);
        activeStaff(staff, assigneeId, "assigneeId");
        Long before = ticket.getAssigneeId();
        TicketState from = ticket.getState();
        ticket.assignTo(assigneeId, clock.instant());
        journal.recordChange(id, actor.displayName(), "assignee", before, assigneeId);
        journal.recordChange(id, actor.displayName(), "state", from, ticket.getState());
        notices.assigned(ticket, actor.id());
        tickets.flush();
        return ticket;
    }

    public int bulkAssign(List<Long> ids, long assigneeId, StaffPrincipal actor) {
        ids.stream().distinct().forEach(id -> assign(id, assigneeId, actor));
        return (int) ids.stream().distinct().count();
    }

    /**
     * Records a return visit of a resolved ticket. The customer's verdict decides: satisfied closes the ticket,
     * dissatisfied reopens it; unreachable is noted and decides nothing.
     */
    public Ticket returnVisit(long id, ReturnVisitVerdict verdict, String comment, StaffPrincipal actor) {
        Ticket ticket = lock(id, null, actor);
        if (ticket.getState() != TicketState.RESOLVED) {
            throw new DomainException(HttpStatus.CONFLICT, "ticket.returnVisitNotResolved");
        }
        returnVisits.add(id, verdict, comment, actor.id());
        journal.recordChange(id, actor.displayName(), "returnVisit", ticket.getReturnVisitVerdict(), verdict);
        timeline.add(ticket.getCustomerId(), "ticket.returnVisit." + verdict.name(), label(ticket), "ticket");
        if (verdict != ReturnVisitVerdict.UNREACHABLE) {
            ticket.recordVerdict(verdict, clock.instant());
            move(ticket, verdict == ReturnVisitVerdict.SATISFIED ? TicketAction.CLOSE : TicketAction.REOPEN,
                    actor.id(), actor.displayName());
        }
        tickets.flush();
        return ticket;
    }

    /** A canned reply filled in for this ticket and the agent who will send it. */
    @Transactional(readOnly = true)
    public String cannedReply(long id, long replyId, StaffPrincipal agent) {
        Ticket ticket = get(id, agent);
        String customerName = customers.summary(ticket.getCustomerId())
                .map(CustomerDirectory.CustomerSummary::name).orElse("");
        return cannedReplies.renderFor(replyId, ticket, customerName, agent.displayName());
    }

    /** Tickets of a merged-away customer now belong to the survivor. */
    public void moveToCustomer(long sourceId, long survivorId) {
        tickets.moveToCustomer(sourceId, survivorId);
        leads.moveToCustomer(sourceId, survivorId);
    }

    /** The SLA module said a clock reached its warning share or its deadline: update the queues, tell people. */
    public void slaAlarm(long id, SlaMetric metric, boolean breached, Instant dueAt) {
        sla.refreshStored(id);
        tickets.findById(id).filter(ticket -> ticket.getState().isOpen())
                .ifPresent(ticket -> notices.slaAlarm(ticket, metric, breached, dueAt));
    }

    /** Moves the ticket by an action with all that follows: history, SLA clocks, timeline, the event. */
    void move(Ticket ticket, TicketAction action, long actorId, String actorName) {
        Instant now = clock.instant();
        TicketState from = ticket.apply(action, actorId, now);
        journal.recordChange(ticket.getId(), actorName, "state", from, ticket.getState());
        sla.stateChanged(ticket, from, now);
        timeline.add(ticket.getCustomerId(), "ticket." + action.name(), label(ticket), "ticket");
        tickets.flush();
        events.publishEvent(new TicketStateChanged(ticket.getId(), ticket.getCustomerId(), ticket.getTypeCode(),
                from, ticket.getState()));
    }

    /** The ticket, locked for a change, if the actor may see it and (when given) still has this version. */
    Ticket lock(long id, Long expectedVersion, StaffPrincipal actor) {
        Ticket ticket = tickets.findForUpdate(id).orElseThrow(() -> DomainException.notFound("ticket", id));
        if (!scopeOf(actor).allows(ticket)) {
            throw DomainException.notFound("ticket", id);
        }
        search.changed(id);
        if (expectedVersion != null && expectedVersion != ticket.getVersion()) {
            throw new StaleTicketException(ticket.getVersion());
        }
        return ticket;
    }

    private boolean needsVerdict(Ticket ticket) {
        boolean required = types.find(ticket.getTypeCode()).map(TicketTypes.TicketType::requiresReturnVisit)
                .orElse(false);
        return required && ticket.getReturnVisitVerdict() != ReturnVisitVerdict.SATISFIED;
    }

    static void requireOpen(Ticket ticket) {
        if (!ticket.getState().isOpen()) {
            throw new DomainException(HttpStatus.CONFLICT, "ticket.notOpen");
        }
    }

    /** The staff member a ticket is given to, who must exist and be enabled; else a 400 on {@code field}. */
    static StaffDirectory.StaffSummary activeStaff(StaffDirectory staff, long staffId, String field) {
        return staff.find(staffId).filter(StaffDirectory.StaffSummary::enabled).orElseThrow(() ->
                DomainException.onField(HttpStatus.BAD_REQUEST, field, "ticket.noSuchStaff", staffId));
    }

    /** How a ticket is named on the customer's timeline. */
    static String label(Ticket ticket) {
        return ticket.number() + " " + ticket.getSubject();
    }

    /** 409 naming the actions that are possible from the ticket's state. */
    static final class NotAllowedHere extends DomainException {

        private final transient List<TicketAction> allowed;

        NotAllowedHere(TicketAction action, Ticket ticket) {
            super(HttpStatus.CONFLICT, "ticket.actionNotAllowed", new Object[] {
                    new DefaultMessageSourceResolvable("ticket.action." + action.name()),
                    new DefaultMessageSourceResolvable("ticket.state." + ticket.getState().name())});
            this.allowed = ticket.allowedActions();
        }

        @Override
        public Map<String, Object> properties() {
            return Map.of("allowedActions", allowed);
        }
    }

    /** 409 carrying the version the caller must re-read. */
    static final class StaleTicketException extends DomainException {

        private final long currentVersion;

        StaleTicketException(long currentVersion) {
            super(HttpStatus.CONFLICT, "ticket.changedMeanwhile", currentVersion);
            this.currentVersion = currentVersion;
        }

        @Override
        public Map<String, Object> properties() {
            return Map.of("currentVersion", currentVersion);
        }
    }
}
