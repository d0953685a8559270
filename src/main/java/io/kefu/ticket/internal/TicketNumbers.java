package io.kefu.ticket.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Ticket numbers, drawn before a ticket is written (so that its idempotency key and SLA deadlines go with its first
 * write). A plain statement: through JPA a native query would first flush the whole persistence context.
 */
@Repository
class TicketNumbers {

    private final JdbcClient jdbc;

    TicketNumbers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long next() {
        return jdbc.sql("SELECT nextval('ticket_id_seq')").query(Long.class).single();
    }
}
