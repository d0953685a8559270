package io.kefu.demo.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.kefu.customer.CustomerDirectory;
import io.kefu.customer.CustomerIdentity;
import io.kefu.customer.IdentityKind;
import io.kefu.identity.DemoCompanyLoaded;
import io.kefu.identity.StaffPrincipal;
import io.kefu.ticket.CustomerMessage;
import io.kefu.ticket.TicketChannel;
import io.kefu.ticket.TicketInbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Adds the demo customers and their conversations (from {@code demo/service-records.json}) when the demo company is
 * created, in the same transaction: the demo exists whole or not at all.
 */
@Component
class DemoServiceRecords {

    private static final Logger log = LoggerFactory.getLogger(DemoServiceRecords.class);
    private static final String RECORDS = "demo/service-records.json";

    record DemoCustomer(String key, String name, String phone, String email, String wechatOpenId) {

        List<CustomerIdentity> identities() {
            List<CustomerIdentity> identities = new ArrayList<>();
            if (phone != null) {
                identities.add(new CustomerIdentity(IdentityKind.PHONE, phone));
            }
            if (email != null) {
                identities.add(new CustomerIdentity(IdentityKind.EMAIL, email));
            }
            if (wechatOpenId != null) {
                identities.add(new CustomerIdentity(IdentityKind.WECHAT_OPENID, wechatOpenId));
            }
            return identities;
        }
    }

    /** A customer's messages on one ticket, the first opening it. */
    record DemoConversation(String customer, TicketChannel channel, String subject, List<String> messages) {
    }

    record Records(List<DemoCustomer> customers, List<DemoConversation> conversations) {
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
        Records records = read();
        StaffPrincipal demo = StaffPrincipal.system("demo");
        Map<String, CustomerDirectory.CustomerSummary> byKey = new HashMap<>();
        for (DemoCustomer customer : records.customers()) {
            byKey.put(customer.key(), customers.resolveOrCreate(customer.name(), customer.identities(), demo));
        }
        for (DemoConversation conversation : records.conversations()) {
            CustomerDirectory.CustomerSummary customer = byKey.get(conversation.customer());
            Long ticketId = null;
            for (String text : conversation.messages()) {
                ticketId = inbox.receive(CustomerMessage.text(customer.id(), conversation.channel(), ticketId,
                        conversation.subject(), text, customer.name())).ticketId();
            }
        }
        log.info("Loaded the demo service records: {} customers, {} tickets", byKey.size(),
                records.conversations().size());
    }

    private Records read() {
        try (InputStream in = new ClassPathResource(RECORDS).getInputStream()) {
            return json.readValue(in, Records.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
