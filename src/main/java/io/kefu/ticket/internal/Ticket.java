package io.kefu.ticket.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.kefu.ticket.TicketAction;
import io.kefu.ticket.TicketChannel;
import io.kefu.ticket.TicketPriority;
import io.kefu.ticket.TicketState;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import org.hibernate.annotations.ColumnTransformer;
import org.springframework.data.domain.Persistable;

/**
 * A work order. State changes go through {@link #apply}, {@link #assignTo} and {@link #dispatchTo}, which keep the
 * rules in one place: only the transitions {@link TicketAction} allows, and the first person to take the case stays
 * its accountable owner (首问负责制) whoever handles it later.
 */
@Entity
public class Ticket implements Persistable<Long> {

    /** Drawn from the ticket sequence before the ticket is written, so that its SLA deadlines go into its first row. */
    @Id
    private Long id;
    @Column(name = "customer_id")
    private long customerId;
    @Column(name = "type_code")
    private String typeCode;
    @Enumerated(EnumType.STRING)
    private TicketPriority priority;
    @Enumerated(EnumType.STRING)
    private TicketChannel channel;
    @Column(name = "category_id")
    private Long categoryId;
    private String subject;
    private String description;
    @Column(name = "custom_fields", columnDefinition = "jsonb")
    @Convert(converter = JsonMapConverter.class)
    @ColumnTransformer(write = "CAST(? AS jsonb)")
    private Map<String, Object> customFields;
    @Enumerated(EnumType.STRING)
    private TicketState state;
    @Column(name = "owner_id")
    private Long ownerId;
    @Column(name = "assignee_id")
    private Long assigneeId;
    @Column(name = "department_id")
    private Long departmentId;
    @Column(name = "skill_group_id")
    private Long skillGroupId;
    @Column(name = "created_by")
    private Long createdBy;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Column(name = "first_responded_at")
    private Instant firstRespondedAt;
    @Column(name = "resolved_at")
    private Instant resolvedAt;
    @Column(name = "closed_at")
    private Instant closedAt;
    @Enumerated(EnumType.STRING)
    @Column(name = "return_visit_verdict")
    private ReturnVisitVerdict returnVisitVerdict;
    @Column(name = "next_due_at")
    private Instant nextDueAt;
    @Enumerated(EnumType.STRING)
    @Column(name = "sla_state")
    private SlaFlag slaFlag = SlaFlag.NONE;
    @Version
    private long version;
    /** Whether the row exists: with an id assigned up front, Spring Data cannot tell a new ticket by its id. */
    @Transient
    private boolean stored;

    protected Ticket() {
    }

    Ticket(long id, TicketDraft draft, Long createdBy, Long departmentId, Instant now) {
        this.id = id;
        this.customerId = draft.customerId();
        this.typeCode = draft.typeCode();
        this.priority = draft.priority();
        this.channel = draft.channel();
        this.categoryId = draft.categoryId();
        this.subject = draft.subject();
        this.description = draft.description();
        this.customFields = draft.customFields();
        this.state = TicketState.NEW;
        this.createdBy = createdBy;
        this.departmentId = departmentId;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Moves the ticket as the action says, or refuses: the caller checks {@link TicketAction#isAllowedFrom} first. */
    TicketState apply(TicketAction action, long actorId, Instant now) {
        if (!action.isAllowedFrom(state)) {
            throw new IllegalStateException(action + " from " + state);
        }
        TicketState from = state;
        state = action.target();
        switch (action) {
            case START -> takeBy(actorId);
            case RESOLVE -> resolvedAt = now;
            case CLOSE -> closedAt = now;
            case REOPEN -> {
                resolvedAt = null;
                closedAt = null;
                returnVisitVerdict = null;
            }
            default -> { }
        }
        updatedAt = now;
        return from;
    }

    void assignTo(Long staffId, Instant now) {
        if (staffId != null) {
            takeBy(staffId);
            state = state.afterAssignment();
        } else {
            assigneeId = null;
        }
        updatedAt = now;
    }

    private void takeBy(long staffId) {
        assigneeId = staffId;
        if (ownerId == null) {
            ownerId = staffId;
        }
    }

    /** Hands the ticket to a department or skill group; the accountable owner stays. */
    void dispatchTo(Long departmentId, Long skillGroupId, Long handlerId, Instant now) {
        this.departmentId = departmentId;
        this.skillGroupId = skillGroupId;
        this.assigneeId = handlerId;
        if (state == TicketState.IN_PROGRESS || state == TicketState.NEW) {
            state = TicketState.ASSIGNED;
        }
        updatedAt = now;
    }

    void markFirstResponse(Instant now) {
        if (firstRespondedAt == null) {
            firstRespondedAt = now;
        }
        updatedAt = now;
    }

    void touch(Instant now) {
        updatedAt = now;
    }

    void recordVerdict(ReturnVisitVerdict verdict, Instant now) {
        returnVisitVerdict = verdict;
        updatedAt = now;
    }

    void edit(String typeCode, TicketPriority priority, Long categoryId, String subject,
              Map<String, Object> customFields, Instant now) {
        this.typeCode = typeCode;
        this.priority = priority;
        this.categoryId = categoryId;
        this.subject = subject;
        this.customFields = customFields;
        this.updatedAt = now;
    }

    void slaChanged(Instant nextDueAt, SlaFlag flag) {
        this.nextDueAt = nextDueAt;
        this.slaFlag = flag;
    }

    public String number() {
        return "#" + id;
    }

    public List<TicketAction> allowedActions() {
        return TicketAction.allowedFrom(state);
    }

    @Override
    public boolean isNew() {
        return !stored;
    }

    @PostLoad
    @PostPersist
    void markStored() {
        stored = true;
    }

    @Override
    public Long getId() {
        return id;
    }

    public long getCustomerId() {
        return customerId;
    }

    public String getTypeCode() {
        return typeCode;
    }

    public TicketPriority getPriority() {
        return priority;
    }

    public TicketChannel getChannel() {
        return channel;
    }

    public Long getCategoryId() {
        return categoryId;
    }

    public String getSubject() {
        return subject;
    }

    public String getDescription() {
        return description;
    }

    public Map<String, Object> getCustomFields() {
        return customFields;
    }

    public TicketState getState() {
        return state;
    }

    public Long getOwnerId() {
        return ownerId;
    }

    public Long getAssigneeId() {
        return assigneeId;
    }

    public Long getDepartmentId() {
        return departmentId;
    }

    public Long getSkillGroupId() {
        return skillGroupId;
    }

    public Long getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public Instant getFirstRespondedAt() {
        return firstRespondedAt;
    }

    public Instant getResolvedAt() {
        return resolvedAt;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public ReturnVisitVerdict getReturnVisitVerdict() {
        return returnVisitVerdict;
    }

    public Instant getNextDueAt() {
        return nextDueAt;
    }

    public SlaFlag getSlaFlag() {
        return slaFlag;
    }

    public long getVersion() {
        return version;
    }
}
