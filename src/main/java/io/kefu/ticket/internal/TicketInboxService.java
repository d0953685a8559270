package io.kefu.ticket.internal;

import java.util.Optional;

import io.kefu.customer.CustomerDirectory;
import io.kefu.platform.DomainException;
import io.kefu.platform.SafeHtml;
import io.kefu.platform.Text;
import io.kefu.ticket.CustomerMessage;
import io.kefu.ticket.MessageFile;
import io.kefu.ticket.TicketChannel;
import io.kefu.ticket.TicketInbox;
import io.kefu.ticket.TicketState;
import io.kefu.ticket.TicketSummary;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Customers' messages from every channel land here. A message answering an open or resolved ticket joins its
 * conversation; anything else (a first message, an answer to a closed ticket) opens a new ticket, which starts in
 * the unassigned queue with the SLA running like any other.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
class TicketInboxService implements TicketInbox {

    /** A ticket opened by a channel is a consultation until an agent classifies it. */
    static final String DEFAULT_TYPE = "CONSULTATION";
    private static final int SUBJECT_LENGTH = 200;
    private static final int SHORT_SUBJECT_LENGTH = 20;
    private static final int DERIVED_SUBJECT_LENGTH = 40;

    private final TicketRepository tickets;
    private final TicketService service;
    private final TicketOpening opening;
    private final TicketJournal journal;
    private final TicketAttachments attachments;
    private final CustomerDirectory customers;

    TicketInboxService(TicketRepository tickets, TicketService service, TicketOpening opening, TicketJournal journal,
                       TicketAttachments attachments, CustomerDirectory customers) {
        this.tickets = tickets;
        this.service = service;
        this.opening = opening;
        this.journal = journal;
        this.attachments = attachments;
        this.customers = customers;
    }

    @Override
    public Delivery receive(CustomerMessage message) {
        CustomerDirectory.CustomerSummary customer = customers.summary(message.customerId())
                .orElseThrow(() -> DomainException.notFound("customer", message.customerId()));
        String html = SafeHtml.sanitise(message.html());
        String text = message.text().isBlank() ? SafeHtml.toText(html) : message.text();
        Optional<Ticket> thread = Optional.ofNullable(message.ticketId()).flatMap(tickets::findForUpdate)
                .filter(ticket -> ticket.getState() != TicketState.CLOSED);
        Ticket ticket;
        if (thread.isPresent()) {
            ticket = thread.get();
            service.customerWrote(ticket, customer.name(), message.channel());
        } else {
            ticket = opening.openForCustomer(new TicketDraft(customer.id(), DEFAULT_TYPE, null, message.channel(),
                    null, subjectOf(message, text), text, null, null), customer);
        }
        String author = authorOf(message, customer);
        long articleId = journal.addCustomerMessage(ticket.getId(), customer.id(), message.channel(), author, text,
                html, message.quoted());
        for (MessageFile file : message.files()) {
            attachments.keep(ticket.getId(), articleId, file, author);
        }
        return new Delivery(ticket.getId(), articleId, thread.isEmpty());
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<TicketSummary> find(long ticketId) {
        return tickets.findById(ticketId).map(TicketInboxService::summaryOf);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<TicketSummary> latestOpen(long customerId, TicketChannel channel) {
        return tickets.findFirstByCustomerIdAndChannelAndStateInOrderByIdDesc(customerId, channel,
                TicketState.openStates()).map(TicketInboxService::summaryOf);
    }

    static TicketSummary summaryOf(Ticket ticket) {
        return new TicketSummary(ticket.getId(), ticket.number(), ticket.getCustomerId(), ticket.getState(),
                ticket.getChannel(), ticket.getSubject(), ticket.getCreatedAt(), ticket.getUpdatedAt(),
                ticket.getNextDueAt());
    }

    private static String authorOf(CustomerMessage message, CustomerDirectory.CustomerSummary customer) {
        return Text.truncate(message.authorName() == null || message.authorName().isBlank() ? customer.name()
                : message.authorName().strip(), TicketJournal.NAME_LENGTH);
    }

    /** The subject the channel gave, or the start of the first line of the message. */
    private static String subjectOf(CustomerMessage message, String text) {
        String subject = Text.blankToNull(message.subject());
        if (subject == null) {
            subject = firstSentence(text.strip().lines().findFirst().map(String::strip).orElse(""));
        }
        if (subject.isBlank() && !message.files().isEmpty()) {
            subject = message.files().get(0).fileName();
        }
        if (subject == null || subject.isBlank()) {
            subject = message.channel().name();
        }
        return Text.truncate(subject, SUBJECT_LENGTH);
    }

    /**
     * A chat message's first sentence makes a readable subject: up to the first full stop, or, when that is longer
     * than a glance takes in, the first comma; what is still too long is cut with an ellipsis.
     */
    private static String firstSentence(String line) {
        String sentence = cutAt(line, "。！？!?；;");
        if (sentence.length() > SHORT_SUBJECT_LENGTH) {
            sentence = cutAt(sentence, "，,");
        }
        return sentence.length() <= DERIVED_SUBJECT_LENGTH ? sentence
                : sentence.substring(0, DERIVED_SUBJECT_LENGTH) + "…";
    }

    private static String cutAt(String text, String marks) {
        for (int i = 1; i < text.length(); i++) {
            if (marks.indexOf(text.charAt(i)) >= 0) {
                return text.substring(0, i);
            }
        }
        return text;
    }
}
