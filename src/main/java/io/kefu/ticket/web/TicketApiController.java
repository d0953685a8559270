package io.kefu.ticket.web;

import java.util.List;
import java.util.Map;

import io.kefu.identity.StaffPrincipal;
import io.kefu.platform.DomainException;
import io.kefu.platform.Sha256;
import io.kefu.ticket.TicketAction;
import io.kefu.ticket.TicketChannel;
import io.kefu.ticket.TicketPriority;
import io.kefu.ticket.TicketState;
import io.kefu.ticket.internal.Dispatches;
import io.kefu.ticket.internal.ReturnVisitVerdict;
import io.kefu.ticket.internal.ReturnVisits;
import io.kefu.ticket.internal.SlaSummary;
import io.kefu.ticket.internal.Ticket;
import io.kefu.ticket.internal.TicketDispatch;
import io.kefu.ticket.internal.TicketIntake;
import io.kefu.ticket.internal.TicketQueue;
import io.kefu.ticket.internal.TicketQueues;
import io.kefu.ticket.internal.TicketService;
import io.kefu.ticket.internal.TicketSla;
import io.kefu.ticket.internal.TicketSort;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

@RestController
@RequestMapping("/api/v1/tickets")
@Tag(name = "Tickets")
class TicketApiController {

    record TicketPage(List<TicketView> items, String nextCursor) {
    }

    record EditRequest(@NotNull Long version, @NotBlank @Size(max = 40) String type, @NotNull TicketPriority priority,
                       Long categoryId, @NotBlank @Size(max = 200) String subject,
                       Map<String, Object> customFields) {
    }

    record TransitionRequest(@NotNull TicketAction action, Long version) {
    }

    record AssignRequest(@NotNull Long assigneeId) {
    }

    record BulkAssignRequest(@NotEmpty @Size(max = 500) List<Long> ticketIds, @NotNull Long assigneeId) {
    }

    record Assigned(int assigned) {
    }

    record DispatchRequest(Long departmentId, Long skillGroupId, @Size(max = 1000) String note) {
    }

    record ReturnRequest(@NotBlank @Size(max = 1000) String reason) {
    }

    record ReturnVisitRequest(@NotNull ReturnVisitVerdict verdict, @Size(max = 2000) String comment) {
    }

    private final TicketIntake intake;
    private final TicketService tickets;
    private final TicketQueues queues;
    private final TicketSla sla;
    private final TicketDispatch dispatch;
    private final Dispatches dispatches;
    private final ReturnVisits returnVisits;
    private final JsonMapper json;

    TicketApiController(TicketIntake intake, TicketService tickets, TicketQueues queues, TicketSla sla,
                        TicketDispatch dispatch, Dispatches dispatches, ReturnVisits returnVisits, JsonMapper json) {
        this.intake = intake;
        this.tickets = tickets;
        this.queues = queues;
        this.sla = sla;
        this.dispatch = dispatch;
        this.dispatches = dispatches;
        this.returnVisits = returnVisits;
        this.json = json.rebuild().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();
    }

    /**
     * Opens a ticket. With an {@code Idempotency-Key}, repeating the request returns the first ticket (200, header
     * {@code Idempotent-Replayed: true}); the same key with another body is refused (422).
     */
    @PostMapping
    @PreAuthorize("hasAuthority('TICKET_WRITE')")
    ResponseEntity<TicketView> create(@Valid @RequestBody TicketRequest body,
                                      @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                      @AuthenticationPrincipal StaffPrincipal me) {
        if (key != null && (key.isBlank() || key.length() > 200)) {
            throw new DomainException(HttpStatus.BAD_REQUEST, "ticket.idempotencyKeyFormat");
        }
        TicketIntake.Outcome outcome = intake.open(body.customerRef(), body.draft(), key,
                key == null ? null : fingerprint(body), me);
        return ResponseEntity.status(outcome.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
                .header("Idempotent-Replayed", String.valueOf(outcome.replayed()))
                .body(TicketView.of(outcome.ticket(), outcome.sla()));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('TICKET_READ')")
    TicketView get(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal me) {
        return view(tickets.get(id, me));
    }

    /** A queue (MINE, OWNED, MY_GROUPS, UNASSIGNED, ABOUT_TO_BREACH, BREACHED, WAITING_ON_ME, OPEN, ALL) with filters. */
    @GetMapping
    @PreAuthorize("hasAuthority('TICKET_READ')")
    TicketPage list(@RequestParam(defaultValue = "OPEN") TicketQueue queue,
                    @RequestParam(required = false) TicketState state,
                    @RequestParam(required = false) TicketPriority priority,
                    @RequestParam(required = false) String type,
                    @RequestParam(required = false) TicketChannel channel,
                    @RequestParam(defaultValue = "NEWEST") TicketSort sort,
                    @RequestParam(required = false) String cursor,
                    @RequestParam(defaultValue = "50") int limit,
                    @AuthenticationPrincipal StaffPrincipal me) {
        int size = Math.max(1, Math.min(limit, 200));
        int offset = parseCursor(cursor);
        List<Ticket> page = queues.list(new TicketQueues.Query(queue, state, priority, type, channel, sort,
                offset, size), me);
        Map<Long, SlaSummary> slas = sla.summariesOf(page);
        List<TicketView> items = page.stream().map(t -> TicketView.of(t, slas.get(t.getId()))).toList();
        return new TicketPage(items, items.size() == size ? String.valueOf(offset + size) : null);
    }

    /** Edits type, priority, category, subject and custom fields; {@code version} is the one the caller read. */
    @PatchMapping("/{id}")
    @PreAuthorize("hasAuthority('TICKET_WRITE')")
    TicketView edit(@PathVariable long id, @Valid @RequestBody EditRequest body,
                    @AuthenticationPrincipal StaffPrincipal me) {
        return view(tickets.edit(id, body.version(), body.type(), body.priority(), body.categoryId(), body.subject(),
                body.customFields() == null ? Map.of() : body.customFields(), me));
    }

    @PostMapping("/{id}/transitions")
    @PreAuthorize("hasAuthority('TICKET_WRITE')")
    TicketView transition(@PathVariable long id, @Valid @RequestBody TransitionRequest body,
                          @AuthenticationPrincipal StaffPrincipal me) {
        return view(tickets.transition(id, body.action(), body.version(), me));
    }

    @PostMapping("/{id}/assign")
    @PreAuthorize("hasAuthority('TICKET_WRITE')")
    TicketView assign(@PathVariable long id, @Valid @RequestBody AssignRequest body,
                      @AuthenticationPrincipal StaffPrincipal me) {
        return view(tickets.assign(id, body.assigneeId(), me));
    }

    @PostMapping("/bulk-assign")
    @PreAuthorize("hasAuthority('TICKET_DISPATCH')")
    Assigned bulkAssign(@Valid @RequestBody BulkAssignRequest body, @AuthenticationPrincipal StaffPrincipal me) {
        return new Assigned(tickets.bulkAssign(body.ticketIds(), body.assigneeId(), me));
    }

    /** Dispatches (派单) to a skill group (assigned inside it automatically) or a department. */
    @PostMapping("/{id}/dispatch")
    @PreAuthorize("hasAuthority('TICKET_DISPATCH')")
    TicketView dispatch(@PathVariable long id, @Valid @RequestBody DispatchRequest body,
                        @AuthenticationPrincipal StaffPrincipal me) {
        return view(dispatch.dispatchTo(id, body.departmentId(), body.skillGroupId(), body.note(), me));
    }

    @PostMapping("/{id}/dispatch/accept")
    @PreAuthorize("hasAuthority('TICKET_WRITE')")
    TicketView accept(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal me) {
        return view(dispatch.accept(id, me));
    }

    @PostMapping("/{id}/dispatch/return")
    @PreAuthorize("hasAuthority('TICKET_WRITE')")
    TicketView giveBack(@PathVariable long id, @Valid @RequestBody ReturnRequest body,
                        @AuthenticationPrincipal StaffPrincipal me) {
        return view(dispatch.giveBack(id, body.reason(), me));
    }

    @GetMapping("/{id}/dispatches")
    @PreAuthorize("hasAuthority('TICKET_READ')")
    List<Dispatches.Dispatch> dispatches(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal me) {
        tickets.get(id, me);
        return dispatches.of(id);
    }

    /** The customer's verdict on a resolved ticket: satisfied closes it, dissatisfied reopens it. */
    @PostMapping("/{id}/return-visits")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('RETURN_VISIT_WRITE')")
    TicketView returnVisit(@PathVariable long id, @Valid @RequestBody ReturnVisitRequest body,
                           @AuthenticationPrincipal StaffPrincipal me) {
        return view(tickets.returnVisit(id, body.verdict(), body.comment(), me));
    }

    @GetMapping("/{id}/return-visits")
    @PreAuthorize("hasAuthority('TICKET_READ')")
    List<ReturnVisits.ReturnVisit> returnVisits(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal me) {
        tickets.get(id, me);
        return returnVisits.of(id);
    }

    private TicketView view(Ticket ticket) {
        return TicketView.of(ticket, sla.summaryOf(ticket));
    }

    private static int parseCursor(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return 0;
        }
        try {
            return Math.max(0, Integer.parseInt(cursor));
        } catch (NumberFormatException e) {
            throw DomainException.onField(HttpStatus.BAD_REQUEST, "cursor", "problem.badCursor");
        }
    }

    /** The same request written twice gives the same fingerprint, whatever its spacing or key order. */
    private String fingerprint(TicketRequest body) {
        return Sha256.hex(json.writeValueAsString(body));
    }
}
