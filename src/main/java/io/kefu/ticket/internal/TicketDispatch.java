package io.kefu.ticket.internal;

import java.time.Clock;
import java.util.Objects;

import io.kefu.customer.CustomerTimeline;
import io.kefu.identity.Permission;
import io.kefu.identity.StaffDirectory;
import io.kefu.identity.StaffPrincipal;
import io.kefu.platform.DomainException;
import io.kefu.ticket.TicketAction;
import io.kefu.ticket.TicketState;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Dispatch (派单): sending a ticket to a skill group or a department, and the receiver's answer. The accountable
 * owner never changes; a returned dispatch puts the ticket back where it was.
 */
@Service
@Transactional
public class TicketDispatch {

    private final TicketService tickets;
    private final TicketRepository repository;
    private final Dispatches dispatches;
    private final AutomaticAssignment assignment;
    private final TicketJournal journal;
    private final TicketNotices notices;
    private final CustomerTimeline timeline;
    private final StaffDirectory staff;
    private final Clock clock;

    TicketDispatch(TicketService tickets, TicketRepository repository, Dispatches dispatches,
                   AutomaticAssignment assignment, TicketJournal journal, TicketNotices notices,
                   CustomerTimeline timeline, StaffDirectory staff, Clock clock) {
        this.tickets = tickets;
        this.repository = repository;
        this.dispatches = dispatches;
        this.assignment = assignment;
        this.journal = journal;
        this.notices = notices;
        this.timeline = timeline;
        this.staff = staff;
        this.clock = clock;
    }

    /**
     * Dispatches (派单) to a skill group, whose next member on shift gets it by the group's strategy, or to a
     * department. The accountable owner stays; the receiver accepts or returns it.
     */
    public Ticket dispatchTo(long id, Long departmentId, Long skillGroupId, String note, StaffPrincipal actor) {
        Ticket ticket = tickets.lock(id, null, actor);
        TicketService.requireOpen(ticket);
        Long handler = null;
        Long department = departmentId;
        if (skillGroupId != null) {
            StaffDirectory.SkillGroupSummary group = staff.skillGroup(skillGroupId).orElseThrow(() ->
                    DomainException.onField(HttpStatus.BAD_REQUEST, "skillGroupId", "ticket.noSuchSkillGroup"));
            department = group.departmentId() != null ? group.departmentId() : departmentId;
            handler = assignment.pick(skillGroupId).orElse(null);
        } else if (departmentId == null || staff.department(departmentId).isEmpty()) {
            throw DomainException.onField(HttpStatus.BAD_REQUEST, "departmentId", "ticket.dispatchTargetRequired");
        }
        dispatches.open(ticket, department, skillGroupId, handler, note, actor.id());
        Long before = ticket.getAssigneeId();
        TicketState from = ticket.getState();
        ticket.dispatchTo(department, skillGroupId, handler, clock.instant());
        journal.recordChange(id, actor.displayName(), "dispatch", null, target(department, skillGroupId));
        journal.recordChange(id, actor.displayName(), "assignee", before, handler);
        journal.recordChange(id, actor.displayName(), "state", from, ticket.getState());
        timeline.add(ticket.getCustomerId(), "ticket.dispatched", TicketService.label(ticket), "ticket");
        notices.dispatched(ticket, actor.id());
        repository.flush();
        return ticket;
    }

    /** The receiver of a dispatch takes it: she becomes its handler and starts work. */
    public Ticket accept(long id, StaffPrincipal actor) {
        Ticket ticket = tickets.lock(id, null, actor);
        Dispatches.Dispatch pending = pendingDispatch(ticket, actor);
        dispatches.answer(pending.id(), Dispatches.State.ACCEPTED, actor.id(), null);
        Long before = ticket.getAssigneeId();
        ticket.assignTo(actor.id(), clock.instant());
        journal.recordChange(id, actor.displayName(), "assignee", before, actor.id());
        if (TicketAction.START.isAllowedFrom(ticket.getState())) {
            tickets.move(ticket, TicketAction.START, actor.id(), actor.displayName());
        }
        repository.flush();
        return ticket;
    }

    /** The receiver sends a dispatch back with a reason; the ticket returns to where it was. */
    public Ticket giveBack(long id, String reason, StaffPrincipal actor) {
        Ticket ticket = tickets.lock(id, null, actor);
        Dispatches.Dispatch pending = pendingDispatch(ticket, actor);
        dispatches.answer(pending.id(), Dispatches.State.RETURNED, null, reason.strip());
        TicketState from = ticket.getState();
        ticket.dispatchTo(pending.previousDepartmentId(), pending.previousSkillGroupId(),
                pending.previousAssigneeId(), clock.instant());
        journal.recordChange(id, actor.displayName(), "dispatchReturned", null, reason.strip());
        journal.recordChange(id, actor.displayName(), "assignee", pending.handlerId(), pending.previousAssigneeId());
        journal.recordChange(id, actor.displayName(), "state", from, ticket.getState());
        timeline.add(ticket.getCustomerId(), "ticket.dispatchReturned", TicketService.label(ticket), "ticket");
        notices.dispatchReturned(ticket, pending.dispatchedBy(), reason.strip());
        repository.flush();
        return ticket;
    }

    private Dispatches.Dispatch pendingDispatch(Ticket ticket, StaffPrincipal actor) {
        Dispatches.Dispatch pending = dispatches.pending(ticket.getId()).orElseThrow(() ->
                new DomainException(HttpStatus.CONFLICT, "ticket.noPendingDispatch"));
        if (!isReceiver(pending, actor) && !actor.can(Permission.TICKET_DISPATCH)) {
            throw new DomainException(HttpStatus.FORBIDDEN, "ticket.notTheReceiver");
        }
        return pending;
    }

    /** The handler it went to; while it has none, any member of the group, or of the department it went to. */
    private boolean isReceiver(Dispatches.Dispatch dispatch, StaffPrincipal actor) {
        if (dispatch.handlerId() != null) {
            return dispatch.handlerId() == actor.id();
        }
        if (dispatch.skillGroupId() != null) {
            return staff.skillGroupsOf(actor.id()).contains(dispatch.skillGroupId());
        }
        return Objects.equals(actor.departmentId(), dispatch.departmentId());
    }

    private String target(Long departmentId, Long skillGroupId) {
        if (skillGroupId != null) {
            return staff.skillGroup(skillGroupId).map(StaffDirectory.SkillGroupSummary::name).orElse("?");
        }
        return staff.department(departmentId).map(StaffDirectory.DepartmentSummary::name).orElse("?");
    }
}
