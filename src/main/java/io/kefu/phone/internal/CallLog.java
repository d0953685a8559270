package io.kefu.phone.internal;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.kefu.audit.AuditLog;
import io.kefu.customer.CustomerDirectory;
import io.kefu.customer.CustomerIdentity;
import io.kefu.customer.CustomerTimeline;
import io.kefu.customer.IdentityKind;
import io.kefu.identity.StaffDirectory;
import io.kefu.platform.DomainException;
import io.kefu.platform.Text;
import io.kefu.ticket.TicketChannel;
import io.kefu.ticket.TicketInbox;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records calls and keeps them linked: the customer is found by the caller's number when the telephone system
 * does not name her, each call goes on her timeline, and a call can be tied to the ticket it led to.
 */
@Service
@Transactional
public class CallLog {

    /** What recording a call did: the call, and whether it had been recorded before (same external id). */
    public record Logged(CallRecord call, boolean duplicate) {
    }

    private final CallRecords calls;
    private final CustomerDirectory customers;
    private final CustomerTimeline timeline;
    private final StaffDirectory staff;
    private final TicketInbox tickets;
    private final AuditLog audit;

    CallLog(CallRecords calls, CustomerDirectory customers, CustomerTimeline timeline, StaffDirectory staff,
            TicketInbox tickets, AuditLog audit) {
        this.calls = calls;
        this.customers = customers;
        this.timeline = timeline;
        this.staff = staff;
        this.tickets = tickets;
        this.audit = audit;
    }

    public Logged log(CallDraft draft, Long loggedBy) {
        CallRecord call = check(draft);
        if (call.externalId() != null) {
            Optional<CallRecord> earlier = calls.findByExternalId(call.externalId());
            if (earlier.isPresent()) {
                return new Logged(earlier.get(), true);
            }
        }
        Optional<Long> id = calls.insert(call, loggedBy);
        if (id.isEmpty()) {
            // Another push of the same call won the race: the first one stands.
            return new Logged(calls.findByExternalId(call.externalId()).orElseThrow(), true);
        }
        CallRecord stored = calls.find(id.get()).orElseThrow();
        if (stored.customerId() != null) {
            addToTimeline(stored);
        }
        return new Logged(stored, false);
    }

    @Transactional(readOnly = true)
    public CallRecord get(long id) {
        return calls.find(id).orElseThrow(() -> DomainException.notFound("call", id));
    }

    /** The call with the caller's number for someone who may reveal it; the reveal is audited. */
    public CallRecord reveal(long id) {
        CallRecord call = get(id);
        audit.record("call.revealed", "call", id, call.customerId() == null ? null : "customer #" + call.customerId());
        return call;
    }

    @Transactional(readOnly = true)
    public List<CallRecord> search(CallQuery query) {
        return calls.search(query);
    }

    /**
     * Links the call to a customer and a ticket and keeps the notes; what is left out (null) keeps its value. A
     * customer linked for the first time gets the call on her timeline.
     */
    public CallRecord update(long id, Long customerId, Long ticketId, String notes) {
        CallRecord call = calls.findForUpdate(id).orElseThrow(() -> DomainException.notFound("call", id));
        Long customer = customerId == null ? call.customerId() : Long.valueOf(survivingCustomer(customerId));
        checkTicket(ticketId);
        calls.update(id, customer, ticketId == null ? call.ticketId() : ticketId,
                notes == null ? call.notes() : Text.truncate(Text.blankToNull(notes), 4000));
        CallRecord updated = calls.find(id).orElseThrow();
        if (customer != null && !customer.equals(call.customerId())) {
            addToTimeline(updated);
        }
        return updated;
    }

    private void addToTimeline(CallRecord call) {
        String kind = call.abandoned() ? "call.abandoned" : "call." + call.direction().name();
        String summary = call.maskedNumber() + (call.queueName() == null ? "" : " · " + call.queueName())
                + (call.talkSeconds() == null ? "" : " · " + "%d:%02d".formatted(call.talkSeconds() / 60,
                call.talkSeconds() % 60));
        timeline.add(call.customerId(), kind, summary, TicketChannel.PHONE.name());
    }

    private CallRecord check(CallDraft draft) {
        String number = Text.blankToNull(draft.callerNumber());
        if (number == null || number.length() > 40) {
            throw DomainException.onField(HttpStatus.BAD_REQUEST, "callerNumber", "call.callerNumberRequired");
        }
        if (draft.startedAt() == null) {
            throw DomainException.onField(HttpStatus.BAD_REQUEST, "startedAt", "call.startedAtRequired");
        }
        if (draft.answeredAt() != null && draft.answeredAt().isBefore(draft.startedAt())) {
            throw DomainException.onField(HttpStatus.BAD_REQUEST, "answeredAt", "call.answeredBeforeStart");
        }
        if (draft.endedAt() != null && draft.endedAt().isBefore(draft.startedAt())) {
            throw DomainException.onField(HttpStatus.BAD_REQUEST, "endedAt", "call.endedBeforeStart");
        }
        boolean abandoned = draft.abandoned() != null ? draft.abandoned()
                : draft.direction() == CallDirection.INBOUND && draft.answeredAt() == null;
        if (abandoned && draft.answeredAt() != null) {
            throw DomainException.onField(HttpStatus.BAD_REQUEST, "abandoned", "call.abandonedButAnswered");
        }
        if (draft.waitSeconds() != null && draft.waitSeconds() < 0) {
            throw DomainException.onField(HttpStatus.BAD_REQUEST, "waitSeconds", "call.negativeWait");
        }
        String e164 = e164Of(number);
        Long customerId = draft.customerId() != null ? Long.valueOf(survivingCustomer(draft.customerId()))
                : e164 == null ? null : customers.findByIdentity(IdentityKind.PHONE, e164).orElse(null);
        checkTicket(draft.ticketId());
        if (draft.agentId() != null && staff.find(draft.agentId()).isEmpty()) {
            throw DomainException.onField(HttpStatus.BAD_REQUEST, "agentId", "call.noSuchAgent", draft.agentId());
        }
        return new CallRecord(0, Text.truncate(Text.blankToNull(draft.externalId()), 100), draft.direction(), number,
                e164, customerId, draft.agentId(), Text.truncate(Text.blankToNull(draft.queueName()), 100),
                draft.startedAt(), draft.answeredAt(), draft.endedAt(), waitOf(draft, abandoned), abandoned,
                recordingOf(draft.recordingUrl()), Text.truncate(Text.blankToNull(draft.notes()), 4000),
                draft.ticketId(), null);
    }

    /** The wait as the telephone system measured it, else until the call was answered or the caller hung up. */
    private static int waitOf(CallDraft draft, boolean abandoned) {
        if (draft.waitSeconds() != null) {
            return draft.waitSeconds();
        }
        Instant waitEnd = draft.answeredAt() != null ? draft.answeredAt() : abandoned ? draft.endedAt() : null;
        return waitEnd == null ? 0 : (int) Duration.between(draft.startedAt(), waitEnd).toSeconds();
    }

    /** Withheld numbers, extensions and service numbers are kept as given; only real numbers match customers. */
    private static String e164Of(String number) {
        try {
            return CustomerIdentity.normalised(IdentityKind.PHONE, number).value();
        } catch (DomainException notANumber) {
            return null;
        }
    }

    private static String recordingOf(String url) {
        String value = Text.blankToNull(url);
        if (value == null) {
            return null;
        }
        try {
            URI uri = URI.create(value);
            if (value.length() <= 1000 && uri.getHost() != null
                    && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
                return value;
            }
        } catch (IllegalArgumentException malformed) {
            // refused below, with the field named
        }
        throw DomainException.onField(HttpStatus.BAD_REQUEST, "recordingUrl", "call.badRecordingUrl");
    }

    /** The customer, or the one she was merged into. */
    private long survivingCustomer(long customerId) {
        return customers.summary(customerId).map(CustomerDirectory.CustomerSummary::id).orElseThrow(() ->
                DomainException.onField(HttpStatus.BAD_REQUEST, "customerId", "call.noSuchCustomer", customerId));
    }

    private void checkTicket(Long ticketId) {
        if (ticketId != null && tickets.find(ticketId).isEmpty()) {
            throw DomainException.onField(HttpStatus.BAD_REQUEST, "ticketId", "call.noSuchTicket", ticketId);
        }
    }
}
