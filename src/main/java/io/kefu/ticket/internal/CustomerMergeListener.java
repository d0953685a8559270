package io.kefu.ticket.internal;

import io.kefu.customer.CustomersMerged;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** A merged-away customer's tickets and leads follow her to the survivor. */
@Component
class CustomerMergeListener {

    private final TicketService tickets;

    CustomerMergeListener(TicketService tickets) {
        this.tickets = tickets;
    }

    @ApplicationModuleListener
    void on(CustomersMerged merged) {
        tickets.moveToCustomer(merged.sourceId(), merged.survivorId());
    }
}
