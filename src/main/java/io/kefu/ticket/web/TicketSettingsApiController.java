package io.kefu.ticket.web;

import java.util.List;

import io.kefu.identity.StaffPrincipal;
import io.kefu.ticket.internal.CannedReplies;
import io.kefu.ticket.internal.RoutingStrategy;
import io.kefu.ticket.internal.Shifts;
import io.kefu.ticket.internal.TicketCategories;
import io.kefu.ticket.internal.TicketService;
import io.kefu.ticket.internal.TicketSettings;
import io.kefu.ticket.internal.TicketTypes;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Ticket types, categories, canned replies, group routing and the agent's own shift. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Ticket settings")
class TicketSettingsApiController {

    record TypeRequest(@NotBlank @Size(max = 40) String code, @NotBlank @Size(max = 100) String name,
                       Boolean requiresReturnVisit) {
    }

    record CategoryRequest(Long parentId, @NotBlank @Size(max = 100) String name) {
    }

    record CannedReplyRequest(@NotBlank @Size(max = 100) String title, @NotBlank @Size(max = 5000) String body) {
    }

    record RoutingRequest(@NotNull RoutingStrategy strategy) {
    }

    record ShiftRequest(@NotNull Boolean onShift) {
    }

    record Shift(boolean onShift) {
    }

    record RenderedReply(String body) {
    }

    private final TicketSettings settings;
    private final TicketTypes types;
    private final TicketCategories categories;
    private final CannedReplies cannedReplies;
    private final Shifts shifts;
    private final TicketService tickets;

    TicketSettingsApiController(TicketSettings settings, TicketTypes types, TicketCategories categories,
                                CannedReplies cannedReplies, Shifts shifts, TicketService tickets) {
        this.settings = settings;
        this.types = types;
        this.categories = categories;
        this.cannedReplies = cannedReplies;
        this.shifts = shifts;
        this.tickets = tickets;
    }

    @GetMapping("/ticket-types")
    @PreAuthorize("hasAuthority('TICKET_READ')")
    List<TicketTypes.TicketType> types() {
        return types.all();
    }

    @PostMapping("/ticket-types")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('TICKET_CONFIGURE')")
    TicketTypes.TicketType addType(@Valid @RequestBody TypeRequest body) {
        return settings.addType(body.code(), body.name(), Boolean.TRUE.equals(body.requiresReturnVisit()));
    }

    @GetMapping("/ticket-categories")
    @PreAuthorize("hasAuthority('TICKET_READ')")
    List<TicketCategories.Category> categories() {
        return categories.all();
    }

    @PostMapping("/ticket-categories")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('TICKET_CONFIGURE')")
    TicketCategories.Category addCategory(@Valid @RequestBody CategoryRequest body) {
        return settings.addCategory(body.parentId(), body.name());
    }

    @GetMapping("/canned-replies")
    @PreAuthorize("hasAuthority('TICKET_READ')")
    List<CannedReplies.CannedReply> cannedReplies() {
        return cannedReplies.all();
    }

    @PostMapping("/canned-replies")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('TICKET_CONFIGURE')")
    CannedReplies.CannedReply addCannedReply(@Valid @RequestBody CannedReplyRequest body,
                                             @AuthenticationPrincipal StaffPrincipal me) {
        return settings.addCannedReply(body.title(), body.body(), me);
    }

    @DeleteMapping("/canned-replies/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAuthority('TICKET_CONFIGURE')")
    void deleteCannedReply(@PathVariable long id) {
        settings.deleteCannedReply(id);
    }

    /** A canned reply with its placeholders filled for this ticket, ready to send or edit. */
    @GetMapping("/tickets/{ticketId}/canned-replies/{id}")
    @PreAuthorize("hasAuthority('TICKET_WRITE')")
    RenderedReply render(@PathVariable long ticketId, @PathVariable long id,
                         @AuthenticationPrincipal StaffPrincipal me) {
        return new RenderedReply(tickets.cannedReply(ticketId, id, me));
    }

    @PutMapping("/skill-groups/{id}/routing")
    @PreAuthorize("hasAuthority('TICKET_CONFIGURE')")
    RoutingRequest setRouting(@PathVariable long id, @Valid @RequestBody RoutingRequest body) {
        settings.setRouting(id, body.strategy());
        return body;
    }

    @GetMapping("/me/shift")
    @PreAuthorize("hasAuthority('TICKET_WRITE')")
    Shift shift(@AuthenticationPrincipal StaffPrincipal me) {
        return new Shift(shifts.isOnShift(me.id()));
    }

    /** On or off shift: automatic assignment passes over agents who are off. */
    @PutMapping("/me/shift")
    @PreAuthorize("hasAuthority('TICKET_WRITE')")
    Shift setShift(@Valid @RequestBody ShiftRequest body, @AuthenticationPrincipal StaffPrincipal me) {
        shifts.set(me.id(), body.onShift());
        return new Shift(body.onShift());
    }
}
