package io.kefu.portal.internal;

import java.util.Optional;

import io.kefu.customer.CustomersMerged;
import io.kefu.ticket.TicketChannel;
import io.kefu.ticket.TicketReplied;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells a customer by email that an agent answered her portal or web-form ticket, with a link to it in the
 * portal; and keeps portal accounts pointing at their customer when customers are merged.
 */
@Component
class ReplyNotices {

    private final AccountStore accounts;
    private final FormTicketContacts contacts;
    private final PortalMail mail;

    ReplyNotices(AccountStore accounts, FormTicketContacts contacts, PortalMail mail) {
        this.accounts = accounts;
        this.contacts = contacts;
        this.mail = mail;
    }

    @ApplicationModuleListener
    void on(TicketReplied replied) {
        if (replied.channel() != TicketChannel.PORTAL && replied.channel() != TicketChannel.WEB) {
            return;
        }
        Optional<FormTicketContacts.Contact> contact = accounts.verifiedOf(replied.customerId())
                .map(account -> new FormTicketContacts.Contact(account.email(), account.locale()))
                .or(() -> contacts.of(replied.ticketId()));
        // The dedup key makes a redelivered event (after a crash) send nothing twice.
        contact.ifPresent(to -> mail.send(to.email(), to.locale(), "replied", "portal-reply-" + replied.articleId(),
                replied.ticketNumber(), replied.subject(), replied.text(), mail.ticketLink(replied.ticketId())));
    }

    @ApplicationModuleListener
    void on(CustomersMerged merged) {
        accounts.moveToCustomer(merged.sourceId(), merged.survivorId());
    }
}
