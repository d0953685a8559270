package io.kefu.portal.internal;

import java.util.List;

import io.kefu.platform.DomainException;
import io.kefu.platform.Text;
import io.kefu.ticket.CustomerMessage;
import io.kefu.ticket.CustomerTickets;
import io.kefu.ticket.MessageFile;
import io.kefu.ticket.TicketChannel;
import io.kefu.ticket.TicketInbox;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A signed-in customer's requests and replies, brought to the tickets through the inbox as the PORTAL channel. */
@Service
@Transactional
public class PortalTicketService {

    private final TicketInbox inbox;
    private final CustomerTickets tickets;

    PortalTicketService(TicketInbox inbox, CustomerTickets tickets) {
        this.inbox = inbox;
        this.tickets = tickets;
    }

    /** Opens a ticket for her and returns its id. */
    public long open(long customerId, String authorName, String subject, String description, List<MessageFile> files) {
        String validSubject = Text.blankToNull(subject);
        if (validSubject == null || validSubject.length() > WebFormService.SUBJECT_LENGTH) {
            throw DomainException.onField(HttpStatus.BAD_REQUEST, "subject", "portal.form.required");
        }
        return inbox.receive(message(customerId, null, validSubject, description, authorName, files)).ticketId();
    }

    /**
     * Adds her reply to one of her tickets (a resolved one reopens) and returns the ticket it landed on: a reply to
     * a closed ticket opens a new one. Another customer's ticket does not exist for her.
     */
    public long reply(long customerId, long ticketId, String authorName, String text, List<MessageFile> files) {
        if (tickets.conversation(customerId, ticketId).isEmpty()) {
            throw DomainException.notFound("ticket", ticketId);
        }
        return inbox.receive(message(customerId, ticketId, null, text, authorName, files)).ticketId();
    }

    private static CustomerMessage message(long customerId, Long ticketId, String subject, String text,
                                           String authorName, List<MessageFile> files) {
        String validText = Text.blankToNull(text);
        if (validText == null && files.isEmpty()) {
            throw DomainException.onField(HttpStatus.BAD_REQUEST, "description", "portal.form.required");
        }
        if (validText != null && validText.length() > WebFormService.DESCRIPTION_LENGTH) {
            throw DomainException.onField(HttpStatus.BAD_REQUEST, "description", "portal.form.tooLong",
                    WebFormService.DESCRIPTION_LENGTH);
        }
        return new CustomerMessage(customerId, TicketChannel.PORTAL, ticketId, subject, validText, null, null,
                authorName, files);
    }
}
