package io.kefu.ticket.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Writes a new ticket's row with one plain statement. Opening tickets is Kefu's busiest write (integrations open
 * hundreds a second), and Hibernate's insert machinery cost a seventh of such a request's CPU; every later change of
 * the ticket goes through JPA. {@code TicketInsertsTest} fails when the entity maps a column this does not write.
 */
@Repository
class TicketInserts {

    static final String COLUMNS = "id, customer_id, type_code, priority, channel, category_id, subject, description, "
            + "custom_fields, state, owner_id, assignee_id, department_id, skill_group_id, created_by, created_at, "
            + "updated_at, first_responded_at, resolved_at, closed_at, return_visit_verdict, next_due_at, sla_state, "
            + "version";
    private static final JsonMapConverter JSON = new JsonMapConverter();

    private final JdbcClient jdbc;

    TicketInserts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Ticket t) {
        jdbc.sql("INSERT INTO ticket (" + COLUMNS + ") VALUES "
                        + "(?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(Arrays.asList(t.getId(), t.getCustomerId(), t.getTypeCode(), name(t.getPriority()),
                        name(t.getChannel()), t.getCategoryId(), t.getSubject(), t.getDescription(),
                        JSON.convertToDatabaseColumn(t.getCustomFields()), name(t.getState()), t.getOwnerId(),
                        t.getAssigneeId(), t.getDepartmentId(), t.getSkillGroupId(), t.getCreatedBy(),
                        utc(t.getCreatedAt()), utc(t.getUpdatedAt()), utc(t.getFirstRespondedAt()),
                        utc(t.getResolvedAt()), utc(t.getClosedAt()), name(t.getReturnVisitVerdict()),
                        utc(t.getNextDueAt()), name(t.getSlaFlag()), t.getVersion()))
                .update();
        t.markStored();
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
