package io.kefu.ticket.web;

import java.util.List;

import io.kefu.identity.StaffDirectory;
import io.kefu.identity.StaffPrincipal;
import io.kefu.platform.DomainException;
import io.kefu.ticket.TicketChannel;
import io.kefu.ticket.TicketPriority;
import io.kefu.ticket.TicketState;
import io.kefu.ticket.internal.Shifts;
import io.kefu.ticket.internal.Ticket;
import io.kefu.ticket.internal.TicketQueue;
import io.kefu.ticket.internal.TicketQueues;
import io.kefu.ticket.internal.TicketService;
import io.kefu.ticket.internal.TicketSort;
import io.kefu.ticket.internal.TicketTypes;
import io.kefu.platform.web.PageProblem;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The queues agents work from; the table refreshes itself every few seconds without reloading the page. */
@Controller
class TicketListPageController {

    private static final int PAGE = 100;

    private final TicketQueues queues;
    private final TicketService tickets;
    private final TicketTypes types;
    private final TicketLabels labels;
    private final Shifts shifts;
    private final StaffDirectory staff;

    TicketListPageController(TicketQueues queues, TicketService tickets, TicketTypes types, TicketLabels labels,
                             Shifts shifts, StaffDirectory staff) {
        this.queues = queues;
        this.tickets = tickets;
        this.types = types;
        this.labels = labels;
        this.shifts = shifts;
        this.staff = staff;
    }

    @GetMapping("/tickets")
    @PreAuthorize("hasAuthority('TICKET_READ')")
    String list(@RequestParam(defaultValue = "MINE") TicketQueue queue,
                @RequestParam(required = false) TicketState state,
                @RequestParam(required = false) TicketPriority priority,
                @RequestParam(required = false) String type,
                @RequestParam(required = false) TicketChannel channel,
                @RequestParam(defaultValue = "DUE") TicketSort sort,
                @RequestParam(defaultValue = "0") int offset,
                @RequestHeader(name = "HX-Request", required = false) String htmx,
                @AuthenticationPrincipal StaffPrincipal me, Model model) {
        int start = Math.max(0, offset);
        List<Ticket> page = queues.list(new TicketQueues.Query(queue, state, priority, blank(type), channel, sort,
                start, PAGE), me);
        model.addAllAttributes(labels.forTickets(page));
        model.addAttribute("tickets", page);
        model.addAttribute("queue", queue);
        model.addAttribute("state", state);
        model.addAttribute("priority", priority);
        model.addAttribute("type", blank(type));
        model.addAttribute("channel", channel);
        model.addAttribute("sort", sort);
        model.addAttribute("offset", start);
        model.addAttribute("nextOffset", page.size() == PAGE ? start + PAGE : null);
        if (htmx != null) {
            return "ticket/list :: rows";
        }
        model.addAttribute("queues", TicketQueue.values());
        model.addAttribute("states", TicketState.values());
        model.addAttribute("priorities", TicketPriority.values());
        model.addAttribute("channels", TicketChannel.values());
        model.addAttribute("sorts", TicketSort.values());
        model.addAttribute("typeList", types.all());
        model.addAttribute("assignees", staff.active());
        model.addAttribute("onShift", shifts.isOnShift(me.id()));
        return "ticket/list";
    }

    @PostMapping("/tickets/bulk-assign")
    @PreAuthorize("hasAuthority('TICKET_DISPATCH')")
    String bulkAssign(@RequestParam(name = "ticketIds", required = false) List<Long> ticketIds,
                      @RequestParam(required = false) Long assigneeId, @RequestParam(defaultValue = "") String back,
                      @AuthenticationPrincipal StaffPrincipal me, RedirectAttributes redirect) {
        if (ticketIds == null || ticketIds.isEmpty() || assigneeId == null) {
            PageProblem.flash(redirect, "ticket.page.bulkAssignIncomplete");
        } else {
            try {
                redirect.addFlashAttribute("bulkAssigned", tickets.bulkAssign(ticketIds, assigneeId, me));
            } catch (DomainException e) {
                PageProblem.flash(redirect, e);
            }
        }
        return "redirect:/tickets" + (back.startsWith("?") ? back : "");
    }

    @PostMapping("/tickets/shift")
    @PreAuthorize("hasAuthority('TICKET_WRITE')")
    String shift(@RequestParam boolean onShift, @AuthenticationPrincipal StaffPrincipal me) {
        shifts.set(me.id(), onShift);
        return "redirect:/tickets";
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
