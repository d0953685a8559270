package io.kefu.ticket.internal;

import java.util.Map;

import io.kefu.ticket.TicketChannel;
import io.kefu.ticket.TicketPriority;

/** What a new ticket holds. Forms and requests leave the customer 0 until she is resolved. */
public record TicketDraft(long customerId, String typeCode, TicketPriority priority, TicketChannel channel,
                          Long categoryId, String subject, String description, Map<String, Object> customFields,
                          Long assigneeId) {

    public TicketDraft {
        priority = priority == null ? TicketPriority.NORMAL : priority;
        channel = channel == null ? TicketChannel.OTHER : channel;
        customFields = customFields == null ? Map.of() : customFields;
    }

    public TicketDraft forCustomer(long id) {
        return new TicketDraft(id, typeCode, priority, channel, categoryId, subject, description, customFields,
                assigneeId);
    }
}
