package io.kefu.ticket.web;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.kefu.identity.StaffDirectory;
import io.kefu.ticket.internal.TicketCategories;
import io.kefu.ticket.internal.TicketJournal;
import io.kefu.ticket.internal.TicketTypes;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A ticket's history as its page shows it: states, priorities, verdicts and types by their labels, staff and
 * categories by their names. The history keeps codes and ids (the API gives them as they are); a value whose name
 * is gone (a removed category, say) is shown as it was stored.
 */
@Component
class TicketHistoryLines {

    record Line(Instant changedAt, String actorName, String field, String oldValue, String newValue) {
    }

    private final StaffDirectory staff;
    private final TicketTypes types;
    private final TicketCategories categories;
    private final MessageSource messages;

    TicketHistoryLines(StaffDirectory staff, TicketTypes types, TicketCategories categories,
                       MessageSource messages) {
        this.staff = staff;
        this.types = types;
        this.categories = categories;
        this.messages = messages;
    }

    List<Line> of(List<TicketJournal.Change> changes, Locale locale) {
        return changes.stream().map(c -> new Line(c.changedAt(), c.actorName(), c.field(),
                shown(c.field(), c.oldValue(), locale), shown(c.field(), c.newValue(), locale))).toList();
    }

    private String shown(String field, String value, Locale locale) {
        if (value == null) {
            return null;
        }
        Optional<String> name = switch (field) {
            case "state" -> Optional.of(label("ticket.state." + value, value, locale));
            case "priority" -> Optional.of(label("ticket.priority." + value, value, locale));
            case "returnVisit" -> Optional.of(label("ticket.verdict." + value, value, locale));
            case "type" -> types.find(value).map(t -> t.builtIn() ? label(t.labelKey(), t.name(), locale) : t.name());
            case "category" -> id(value).flatMap(categories::find).map(TicketCategories.Category::path);
            case "assignee" -> id(value).flatMap(staff::find).map(StaffDirectory.StaffSummary::displayName);
            default -> Optional.empty();
        };
        return name.orElse(value);
    }

    private String label(String key, String fallback, Locale locale) {
        return messages.getMessage(key, null, fallback, locale);
    }

    private static Optional<Long> id(String value) {
        try {
            return Optional.of(Long.parseLong(value));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
