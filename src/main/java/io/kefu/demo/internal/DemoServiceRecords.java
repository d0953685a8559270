package io.kefu.demo.internal;

import java.util.List;

import io.kefu.customer.CustomerDirectory;
import io.kefu.customer.IdentityKind;
import io.kefu.identity.DemoCompanyLoaded;
import io.kefu.platform.BundledJson;
import io.kefu.ticket.CustomerMessage;
import io.kefu.ticket.TicketChannel;
import io.kefu.ticket.TicketInbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Adds the demo customers' conversations (from {@code demo/service-records.json}) when the demo company is created,
 * in the same transaction: the demo exists whole or not at all. The customers themselves are the customer module's
 * demo, loaded first; a conversation names its customer by her phone or email.
 */
@Component
class DemoServiceRecords {

    private static final Logger log = LoggerFactory.getLogger(DemoServiceRecords.class);
    private static final String RECORDS = "demo/service-records.json";

    /** A customer's messages on one ticket, the first opening it; {@code from} is her phone or email. */
    record DemoConversation(String from, TicketChannel channel, String subject, List<String> messages) {

        IdentityKind fromKind() {
            return from.contains("@") ? IdentityKind.EMAIL : IdentityKind.PHONE;
        }
    }

    record Records(List<DemoConversation> conversations) {
    }

    private final CustomerDirectory customers;
    private final TicketInbox inbox;
    private final JsonMapper json;

    DemoServiceRecords(CustomerDirectory customers, TicketInbox inbox, JsonMapper json) {
        this.customers = customers;
        this.inbox = inbox;
        this.json = json;
    }

    @EventListener
    void load(DemoCompanyLoaded event) {
        Records records = BundledJson.read(json, RECORDS, Records.class);
        for (DemoConversation conversation : records.conversations()) {
            CustomerDirectory.CustomerSummary customer = customers.findByIdentity(conversation.fromKind(),
                    conversation.from()).flatMap(customers::summary).orElseThrow(() -> new IllegalStateException(
                    "No demo customer has " + conversation.from() + " (demo/customers.json)"));
            Long ticketId = null;
            for (String text : conversation.messages()) {
                ticketId = inbox.receive(CustomerMessage.text(customer.id(), conversation.channel(), ticketId,
                        conversation.subject(), text, customer.name())).ticketId();
            }
        }
        log.info("Loaded the demo service records: {} tickets", records.conversations().size());
    }
}
