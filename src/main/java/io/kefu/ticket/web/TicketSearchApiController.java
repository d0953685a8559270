package io.kefu.ticket.web;

import java.util.List;

import io.kefu.identity.StaffPrincipal;
import io.kefu.search.SearchHit;
import io.kefu.ticket.internal.TicketSearch;
import io.kefu.ticket.internal.TicketService;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Tickets found by their words, within the caller's data scope. */
@RestController
@Tag(name = "Tickets")
class TicketSearchApiController {

    private final TicketSearch search;
    private final TicketService tickets;

    TicketSearchApiController(TicketSearch search, TicketService tickets) {
        this.search = search;
        this.tickets = tickets;
    }

    /** Hits name the ticket by {@code id}; {@code snippet} is escaped HTML with the matches in {@code <mark>}. */
    @GetMapping("/api/v1/tickets/search")
    @PreAuthorize("hasAuthority('TICKET_READ')")
    List<SearchHit> search(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "20") int limit,
                           @AuthenticationPrincipal StaffPrincipal me) {
        return search.search(q, tickets.scopeOf(me), limit);
    }
}
