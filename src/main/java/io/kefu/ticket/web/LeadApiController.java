package io.kefu.ticket.web;

import java.util.List;

import io.kefu.platform.DomainException;
import io.kefu.ticket.internal.Leads;
import io.kefu.ticket.internal.LeadService;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Sales leads flagged in tickets: the sales department works them, service staff cannot. */
@RestController
@RequestMapping("/api/v1/leads")
@Tag(name = "Leads")
class LeadApiController {

    record LeadUpdate(@NotNull Leads.State state) {
    }

    private final LeadService leads;

    LeadApiController(LeadService leads) {
        this.leads = leads;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('LEAD_WORK')")
    List<Leads.Lead> list(@RequestParam(required = false) Leads.State state,
                          @RequestParam(defaultValue = "50") int limit) {
        return leads.list(state, Math.max(1, Math.min(limit, 200)));
    }

    @PatchMapping("/{id}")
    @PreAuthorize("hasAuthority('LEAD_WORK')")
    Leads.Lead update(@PathVariable long id, @Valid @RequestBody LeadUpdate body) {
        return leads.setState(id, body.state()).orElseThrow(() -> DomainException.notFound("lead", id));
    }
}
