package io.kefu.ticket.internal;

import java.util.List;

import io.kefu.customer.CustomerDirectory;
import io.kefu.customer.CustomerIdentity;
import io.kefu.identity.StaffPrincipal;
import io.kefu.platform.DomainException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens a ticket for a known customer or one described inline, in one transaction with the customer's creation and
 * the idempotency key: either all of it commits or none of it.
 */
@Service
public class TicketIntake {

    /** The customer of a new ticket: an id, or a name and identities to find or create her by. */
    public record CustomerRef(Long id, String name, List<CustomerIdentity> identities) {
    }

    /** The ticket with its SLA, and whether it was created now or found under the same idempotency key. */
    public record Outcome(Ticket ticket, SlaSummary sla, boolean replayed) {
    }

    private final TicketOpening tickets;
    private final TicketRepository repository;
    private final IdempotencyKeys keys;
    private final CustomerDirectory customers;
    private final TicketSla sla;
    private final TicketNumbers numbers;

    TicketIntake(TicketOpening tickets, TicketRepository repository, IdempotencyKeys keys,
                 CustomerDirectory customers, TicketSla sla, TicketNumbers numbers) {
        this.tickets = tickets;
        this.repository = repository;
        this.keys = keys;
        this.customers = customers;
        this.sla = sla;
        this.numbers = numbers;
    }

    /**
     * @param idempotencyKey null when the caller sent none
     * @param requestSha256  the fingerprint of the request body, compared when the key was seen before (null without
     *                       a key)
     */
    @Transactional
    public Outcome open(CustomerRef customer, TicketDraft draft, String idempotencyKey, String requestSha256,
                        StaffPrincipal creator) {
        long ticketId = numbers.next();
        if (idempotencyKey != null) {
            var earlier = keys.claim(creator.id(), idempotencyKey, requestSha256, ticketId);
            if (earlier.isPresent()) {
                Ticket first = repository.findById(earlier.get()).orElseThrow();
                return new Outcome(first, sla.summaryOf(first), true);
            }
        }
        TicketOpening.Opened opened = customer != null && customer.id() != null
                ? tickets.create(ticketId, draft.forCustomer(customer.id()), creator)
                : tickets.create(ticketId, draft, newOrKnown(customer, creator), creator);
        return new Outcome(opened.ticket(), opened.sla(), false);
    }

    private CustomerDirectory.CustomerSummary newOrKnown(CustomerRef customer, StaffPrincipal creator) {
        if (customer == null) {
            throw DomainException.onField(HttpStatus.BAD_REQUEST, "customer", "ticket.customerRequired");
        }
        return customers.resolveOrCreate(customer.name(), customer.identities(), creator);
    }
}
