package io.kefu.ticket.web;

import java.util.List;

import io.kefu.customer.CustomerDirectory;
import io.kefu.ticket.internal.LeadService;
import io.kefu.ticket.internal.Leads;
import io.kefu.platform.web.PageProblem;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The sales department's list of leads flagged by service staff, and their progress. */
@Controller
@RequestMapping("/leads")
@PreAuthorize("hasAuthority('LEAD_WORK')")
class LeadPageController {

    private final LeadService leads;
    private final CustomerDirectory customers;

    LeadPageController(LeadService leads, CustomerDirectory customers) {
        this.leads = leads;
        this.customers = customers;
    }

    @GetMapping
    String list(@RequestParam(required = false) Leads.State state, Model model) {
        List<Leads.Lead> page = leads.list(state, 200);
        model.addAttribute("leads", page);
        model.addAttribute("customers", customers.summaries(page.stream().map(Leads.Lead::customerId).toList()));
        model.addAttribute("state", state);
        model.addAttribute("states", Leads.State.values());
        return "ticket/leads";
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @RequestParam Leads.State state, RedirectAttributes redirect) {
        if (leads.setState(id, state).isEmpty()) {
            PageProblem.flash(redirect, "error.notFound.lead", id);
        }
        return "redirect:/leads";
    }
}
