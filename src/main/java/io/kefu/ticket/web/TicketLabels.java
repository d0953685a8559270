package io.kefu.ticket.web;

import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.kefu.customer.CustomerDirectory;
import io.kefu.identity.StaffDirectory;
import io.kefu.ticket.internal.Ticket;
import io.kefu.ticket.internal.TicketTypes;
import org.springframework.stereotype.Component;

/** The names the ticket screens show for ids: staff, groups, departments, customers, types. */
@Component
class TicketLabels {

    private final StaffDirectory staff;
    private final CustomerDirectory customers;
    private final TicketTypes types;

    TicketLabels(StaffDirectory staff, CustomerDirectory customers, TicketTypes types) {
        this.staff = staff;
        this.customers = customers;
        this.types = types;
    }

    /** Everything a page about these tickets needs to name things, keyed as the templates expect. */
    Map<String, Object> forTickets(Collection<Ticket> tickets) {
        return Map.of(
                "staffNames", staff.everyone().stream().collect(Collectors.toMap(
                        StaffDirectory.StaffSummary::id, StaffDirectory.StaffSummary::displayName)),
                "groupNames", staff.skillGroups().stream().collect(Collectors.toMap(
                        StaffDirectory.SkillGroupSummary::id, StaffDirectory.SkillGroupSummary::name)),
                "departmentNames", staff.departments().stream().collect(Collectors.toMap(
                        StaffDirectory.DepartmentSummary::id, StaffDirectory.DepartmentSummary::name)),
                "customers", customers.summaries(tickets.stream().map(Ticket::getCustomerId).toList()),
                "types", types.all().stream().collect(Collectors.toMap(TicketTypes.TicketType::code,
                        Function.identity())));
    }
}
