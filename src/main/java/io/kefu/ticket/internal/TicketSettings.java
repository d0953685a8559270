package io.kefu.ticket.internal;

import java.util.Locale;

import io.kefu.audit.AuditLog;
import io.kefu.identity.StaffDirectory;
import io.kefu.identity.StaffPrincipal;
import io.kefu.platform.DomainException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What administrators and supervisors set up for tickets: types, categories, canned replies, group routing. */
@Service
@Transactional
public class TicketSettings {

    private final TicketTypes types;
    private final TicketCategories categories;
    private final CannedReplies cannedReplies;
    private final AutomaticAssignment assignment;
    private final StaffDirectory staff;
    private final AuditLog audit;

    TicketSettings(TicketTypes types, TicketCategories categories, CannedReplies cannedReplies,
                   AutomaticAssignment assignment, StaffDirectory staff, AuditLog audit) {
        this.types = types;
        this.categories = categories;
        this.cannedReplies = cannedReplies;
        this.assignment = assignment;
        this.staff = staff;
        this.audit = audit;
    }

    public TicketTypes.TicketType addType(String code, String name, boolean requiresReturnVisit) {
        String normalised = code.strip().toUpperCase(Locale.ROOT);
        if (!normalised.matches("[A-Z][A-Z0-9_]{1,39}")) {
            throw DomainException.onField(HttpStatus.BAD_REQUEST, "code", "ticket.typeCodeFormat");
        }
        if (!types.add(normalised, name.strip(), requiresReturnVisit)) {
            throw DomainException.onField(HttpStatus.CONFLICT, "code", "ticket.typeCodeTaken", normalised);
        }
        audit.record("ticket.typeAdded", "ticket_type", normalised, name.strip());
        return types.find(normalised).orElseThrow();
    }

    public TicketCategories.Category addCategory(Long parentId, String name) {
        if (parentId != null && categories.find(parentId).isEmpty()) {
            throw DomainException.onField(HttpStatus.BAD_REQUEST, "parentId", "ticket.noSuchCategory", parentId);
        }
        long id = categories.add(parentId, name.strip()).orElseThrow(() ->
                DomainException.onField(HttpStatus.CONFLICT, "name", "ticket.categoryTaken", name.strip()));
        audit.record("ticket.categoryAdded", "ticket_category", id, name.strip());
        return categories.find(id).orElseThrow();
    }

    public CannedReplies.CannedReply addCannedReply(String title, String body, StaffPrincipal author) {
        long id = cannedReplies.add(title.strip(), body.strip(), author.displayName());
        audit.record("ticket.cannedReplyAdded", "canned_reply", id, title.strip());
        return cannedReplies.find(id).orElseThrow();
    }

    public void deleteCannedReply(long id) {
        if (!cannedReplies.delete(id)) {
            throw DomainException.notFound("cannedReply", id);
        }
        audit.record("ticket.cannedReplyDeleted", "canned_reply", id, null);
    }

    public void setRouting(long skillGroupId, RoutingStrategy strategy) {
        if (staff.skillGroup(skillGroupId).isEmpty()) {
            throw DomainException.notFound("skillGroup", skillGroupId);
        }
        assignment.setStrategy(skillGroupId, strategy);
        audit.record("ticket.routingChanged", "skill_group", skillGroupId, strategy.name());
    }
}
