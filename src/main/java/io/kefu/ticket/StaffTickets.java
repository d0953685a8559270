package io.kefu.ticket;

import java.util.Optional;

import io.kefu.identity.StaffPrincipal;

/** A ticket as another module shows it to a staff member, within her data scope. */
public interface StaffTickets {

    /**
     * The ticket and the conversation its customer sees (her messages and public replies, no internal notes), or
     * empty when there is no such ticket or it is outside the viewer's data scope.
     */
    Optional<CustomerTickets.Conversation> conversation(long ticketId, StaffPrincipal viewer);
}
