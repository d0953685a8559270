package io.kefu.knowledge.web;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.kefu.identity.Permission;
import io.kefu.identity.StaffPrincipal;
import io.kefu.platform.SafeHtml;
import io.kefu.ticket.CustomerTickets;
import io.kefu.ticket.StaffTickets;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * An article drafted from a ticket: the question is the subject and the customer's first message, the answer the
 * latest public reply. Only a ticket the writer may see (her ticket permission and data scope) fills anything.
 */
@Component
class TicketPrefill {

    /** What the editor starts with. */
    record Prefill(long ticketId, String ticketNumber, String title, String body) {
    }

    private final StaffTickets tickets;
    private final MessageSource messages;

    TicketPrefill(StaffTickets tickets, MessageSource messages) {
        this.tickets = tickets;
        this.messages = messages;
    }

    Optional<Prefill> of(long ticketId, StaffPrincipal writer, Locale locale) {
        if (!writer.can(Permission.TICKET_READ)) {
            return Optional.empty();
        }
        return tickets.conversation(ticketId, writer).map(conversation -> {
            List<CustomerTickets.Entry> entries = conversation.entries();
            String question = entries.stream().filter(CustomerTickets.Entry::fromCustomer)
                    .min(Comparator.comparing(CustomerTickets.Entry::at)).map(TicketPrefill::textOf).orElse("");
            String answer = entries.stream().filter(e -> !e.fromCustomer())
                    .max(Comparator.comparing(CustomerTickets.Entry::at)).map(TicketPrefill::textOf).orElse("");
            String subject = conversation.ticket().subject();
            String body = heading("knowledge.fromTicket.question", locale) + paragraphs(subject)
                    + paragraphs(question) + heading("knowledge.fromTicket.answer", locale) + paragraphs(answer);
            return new Prefill(ticketId, conversation.ticket().number(), subject, body);
        });
    }

    private String heading(String key, Locale locale) {
        return "<h3>" + HtmlUtils.htmlEscape(messages.getMessage(key, null, locale)) + "</h3>";
    }

    private static String textOf(CustomerTickets.Entry entry) {
        return entry.text() != null && !entry.text().isBlank() ? entry.text() : SafeHtml.toText(entry.html());
    }

    private static String paragraphs(String text) {
        StringBuilder html = new StringBuilder();
        for (String paragraph : text.strip().split("\\n\\s*\\n")) {
            if (!paragraph.isBlank()) {
                html.append("<p>").append(HtmlUtils.htmlEscape(paragraph.strip()).replace("\n", "<br>")).append("</p>");
            }
        }
        return html.toString();
    }
}
