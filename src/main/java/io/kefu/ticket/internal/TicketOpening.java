package io.kefu.ticket.internal;

import java.time.Clock;
import java.time.Instant;

import io.kefu.customer.CustomerDirectory;
import io.kefu.customer.CustomerTimeline;
import io.kefu.identity.Permission;
import io.kefu.identity.StaffDirectory;
import io.kefu.identity.StaffPrincipal;
import io.kefu.platform.DomainException;
import io.kefu.ticket.TicketCreated;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens work orders: for staff, who may assign them as they open them, and for customers writing in through a
 * channel. Every new ticket goes the same way: its SLA clocks start, its row is written, and it is searchable, in
 * its history and on the customer's timeline. What happens to a ticket afterwards is {@link TicketService}'s.
 */
@Service
@Transactional
class TicketOpening {

    /** A ticket just opened, with its SLA as it started. */
    record Opened(Ticket ticket, SlaSummary sla) {
    }

    private final TicketTypes types;
    private final TicketCategories categories;
    private final TicketNumbers numbers;
    private final TicketSla sla;
    private final TicketInserts inserts;
    private final TicketSearch search;
    private final TicketJournal journal;
    private final TicketNotices notices;
    private final CustomerDirectory customers;
    private final CustomerTimeline timeline;
    private final StaffDirectory staff;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TicketOpening(TicketTypes types, TicketCategories categories, TicketNumbers numbers, TicketSla sla,
                  TicketInserts inserts, TicketSearch search, TicketJournal journal, TicketNotices notices,
                  CustomerDirectory customers, CustomerTimeline timeline, StaffDirectory staff,
                  ApplicationEventPublisher events, Clock clock) {
        this.types = types;
        this.categories = categories;
        this.numbers = numbers;
        this.sla = sla;
        this.inserts = inserts;
        this.search = search;
        this.journal = journal;
        this.notices = notices;
        this.customers = customers;
        this.timeline = timeline;
        this.staff = staff;
        this.events = events;
        this.clock = clock;
    }

    /** @param id drawn from the ticket sequence by the caller ({@link TicketNumbers#next()}) */
    Opened create(long id, TicketDraft draft, StaffPrincipal creator) {
        return create(id, draft, customers.summary(draft.customerId()).orElseThrow(() ->
                DomainException.onField(HttpStatus.BAD_REQUEST, "customerId", "ticket.customerNotFound",
                        draft.customerId())), creator);
    }

    /** A ticket for a customer the caller has just found or created. */
    Opened create(long id, TicketDraft draft, CustomerDirectory.CustomerSummary customer, StaffPrincipal creator) {
        types.require(draft.typeCode());
        categories.require(draft.categoryId());
        Instant now = clock.instant();
        Long departmentId = creator.departmentId();
        if (draft.assigneeId() != null) {
            departmentId = TicketService.activeStaff(staff, draft.assigneeId(), "assigneeId").departmentId();
            if (draft.assigneeId() != creator.id() && !creator.can(Permission.TICKET_DISPATCH)) {
                throw new AccessDeniedException("assign to others");
            }
        }
        Ticket ticket = new Ticket(id, new TicketDraft(customer.id(), draft.typeCode(),
                draft.priority(), draft.channel(), draft.categoryId(), draft.subject().strip(),
                draft.description().strip(), draft.customFields(), null), creator.id(), departmentId, now);
        ticket.assignTo(draft.assigneeId(), now);
        SlaSummary started = open(ticket, customer, creator.displayName());
        timeline.add(customer.id(), "ticket.created", TicketService.label(ticket), "ticket");
        notices.assigned(ticket, creator.id());
        return new Opened(ticket, started);
    }

    /** A ticket a customer opened through a channel: nobody created it for her and nobody has it yet. */
    Ticket openForCustomer(TicketDraft draft, CustomerDirectory.CustomerSummary customer) {
        Ticket ticket = new Ticket(numbers.next(), draft.forCustomer(customer.id()), null, null, clock.instant());
        open(ticket, customer, customer.name());
        timeline.addByCustomer(customer.id(), "ticket.created", TicketService.label(ticket),
                ticket.getChannel().name());
        return ticket;
    }

    /** What every new ticket goes through, whoever opened it. */
    private SlaSummary open(Ticket ticket, CustomerDirectory.CustomerSummary customer, String openedBy) {
        SlaSummary started = sla.start(ticket, customer.tier());
        inserts.insert(ticket);
        search.changed(ticket.getId());
        journal.recordChange(ticket.getId(), openedBy, "state", null, ticket.getState());
        events.publishEvent(new TicketCreated(ticket.getId(), customer.id(), ticket.getTypeCode(),
                ticket.getChannel()));
        return started;
    }
}
