package io.kefu.ticket.web;

import io.kefu.identity.StaffPrincipal;
import io.kefu.ticket.internal.TicketSearch;
import io.kefu.ticket.internal.TicketService;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Searching the tickets an agent may see by subject, description and conversation. */
@Controller
class TicketSearchPageController {

    private static final int RESULTS = 50;

    private final TicketSearch search;
    private final TicketService tickets;

    TicketSearchPageController(TicketSearch search, TicketService tickets) {
        this.search = search;
        this.tickets = tickets;
    }

    @GetMapping("/tickets/search")
    @PreAuthorize("hasAuthority('TICKET_READ')")
    String search(@RequestParam(defaultValue = "") String q, @AuthenticationPrincipal StaffPrincipal me,
                  Model model) {
        model.addAttribute("q", q);
        model.addAttribute("hits", q.isBlank() ? null : search.search(q, tickets.scopeOf(me), RESULTS));
        return "ticket/search";
    }
}
