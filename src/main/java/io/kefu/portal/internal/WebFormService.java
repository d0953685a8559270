package io.kefu.portal.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.kefu.customer.CustomerDirectory;
import io.kefu.customer.CustomerIdentity;
import io.kefu.customer.IdentityKind;
import io.kefu.identity.StaffPrincipal;
import io.kefu.platform.DomainException;
import io.kefu.platform.Text;
import io.kefu.ticket.CustomerMessage;
import io.kefu.ticket.TicketChannel;
import io.kefu.ticket.TicketInbox;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public web form: anyone may open a ticket without an account. The sender is resolved through Customer 360 by
 * her email or phone (the same email lands on the same customer), and spam is refused before anything is stored:
 * a filled-in hidden field, a form sent back faster than a person types, or too many requests.
 */
@Service
@Transactional
public class WebFormService {

    private static final StaffPrincipal PORTAL = StaffPrincipal.system("portal");
    static final int SUBJECT_LENGTH = 200;
    static final int DESCRIPTION_LENGTH = 20_000;

    /**
     * What the form sends.
     *
     * @param shownAt  when the form was shown (a hidden field), in epoch milliseconds; null when missing
     * @param honeypot a field hidden from people; only robots fill it in
     */
    public record Submission(String name, String email, String phone, String subject, String description,
                             Long shownAt, String honeypot) {
    }

    private final CustomerDirectory customers;
    private final TicketInbox inbox;
    private final RequestLimits limits;
    private final PortalAccountService accounts;
    private final FormTicketContacts contacts;
    private final PortalProperties properties;
    private final Clock clock;

    WebFormService(CustomerDirectory customers, TicketInbox inbox, RequestLimits limits,
                   PortalAccountService accounts, FormTicketContacts contacts, PortalProperties properties,
                   Clock clock) {
        this.customers = customers;
        this.inbox = inbox;
        this.limits = limits;
        this.accounts = accounts;
        this.contacts = contacts;
        this.properties = properties;
        this.clock = clock;
    }

    /** Opens the ticket and returns its number; with an email, a confirmation with a sign-in link goes to it. */
    public String submit(Submission form, Locale locale, String clientAddress) {
        refuseRobots(form);
        String name = ContactInput.name(form.name());
        String email = Text.blankToNull(form.email()) == null ? null : ContactInput.email(form.email());
        String phone = Text.blankToNull(form.phone());
        if (email == null && phone == null) {
            throw DomainException.onField(HttpStatus.BAD_REQUEST, "email", "portal.form.contactRequired");
        }
        String subject = required(form.subject(), "subject", SUBJECT_LENGTH);
        String description = required(form.description(), "description", DESCRIPTION_LENGTH);
        limits.count(clientAddress, email);
        List<CustomerIdentity> identities = new ArrayList<>();
        if (email != null) {
            identities.add(new CustomerIdentity(IdentityKind.EMAIL, email));
        }
        if (phone != null) {
            identities.add(new CustomerIdentity(IdentityKind.PHONE, phone));
        }
        long customerId = resolve(name, identities);
        long ticketId = inbox.receive(CustomerMessage.text(customerId, TicketChannel.WEB, null, subject, description,
                name)).ticketId();
        String number = inbox.find(ticketId).orElseThrow().number();
        if (email != null) {
            contacts.remember(ticketId, email, locale);
            accounts.confirmFormTicket(email, name, locale, number, subject);
        }
        return number;
    }

    private void refuseRobots(Submission form) {
        if (form.honeypot() != null && !form.honeypot().isEmpty()) {
            throw new DomainException(HttpStatus.BAD_REQUEST, "portal.form.refused");
        }
        Instant earliest = form.shownAt() == null ? null
                : Instant.ofEpochMilli(form.shownAt()).plus(properties.minFillTime());
        if (earliest == null || clock.instant().isBefore(earliest)) {
            throw new DomainException(HttpStatus.BAD_REQUEST, "portal.form.tooFast",
                    Math.max(1, properties.minFillTime().toSeconds()));
        }
    }

    /** The customer with one of these identities, or a new one; a malformed phone is refused on the form's field. */
    private long resolve(String name, List<CustomerIdentity> identities) {
        try {
            return customers.resolveOrCreate(name, identities, PORTAL).id();
        } catch (DomainException e) {
            if ("phones".equals(e.field())) {
                throw DomainException.onField(e.status(), "phone", e.messageKey(), e.arguments());
            }
            throw e;
        }
    }

    private static String required(String value, String field, int max) {
        String stripped = Text.blankToNull(value);
        if (stripped == null) {
            throw DomainException.onField(HttpStatus.BAD_REQUEST, field, "portal.form.required");
        }
        if (stripped.length() > max) {
            throw DomainException.onField(HttpStatus.BAD_REQUEST, field, "portal.form.tooLong", max);
        }
        return stripped;
    }
}
