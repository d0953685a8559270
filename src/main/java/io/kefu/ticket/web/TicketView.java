package io.kefu.ticket.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.kefu.ticket.TicketAction;
import io.kefu.ticket.TicketChannel;
import io.kefu.ticket.TicketPriority;
import io.kefu.ticket.TicketState;
import io.kefu.ticket.internal.ReturnVisitVerdict;
import io.kefu.ticket.internal.SlaSummary;
import io.kefu.ticket.internal.Ticket;

/** A ticket in the API: its fields, the actions possible from its state, and its SLA deadlines. */
record TicketView(long id, String number, long customerId, String type, TicketPriority priority,
                  TicketChannel channel, Long categoryId, String subject, String description,
                  Map<String, Object> customFields, TicketState state, List<TicketAction> allowedActions,
                  Long ownerId, Long assigneeId, Long departmentId, Long skillGroupId, Long createdBy,
                  Instant createdAt, Instant updatedAt, Instant firstRespondedAt, Instant resolvedAt,
                  Instant closedAt, ReturnVisitVerdict returnVisitVerdict, SlaSummary sla, long version) {

    static TicketView of(Ticket t, SlaSummary sla) {
        return new TicketView(t.getId(), t.number(), t.getCustomerId(), t.getTypeCode(), t.getPriority(),
                t.getChannel(), t.getCategoryId(), t.getSubject(), t.getDescription(), t.getCustomFields(),
                t.getState(), t.allowedActions(), t.getOwnerId(), t.getAssigneeId(), t.getDepartmentId(),
                t.getSkillGroupId(), t.getCreatedBy(), t.getCreatedAt(), t.getUpdatedAt(), t.getFirstRespondedAt(),
                t.getResolvedAt(), t.getClosedAt(), t.getReturnVisitVerdict(), sla, t.getVersion());
    }
}
