package io.kefu.ticket.web;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.kefu.identity.StaffDirectory;
import io.kefu.ticket.internal.TicketCategories;
import io.kefu.ticket.internal.TicketJournal;
import io.kefu.ticket.internal.TicketTypes;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A ticket's history as its page shows it: states, priorities, verdicts and types by their labels, staff and
 * categories by their names. The history keeps codes and ids (the API gives them as they are); a value whose name
 * is gone is shown as it was stored.
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
        Set<String> fields = changes.stream().map(TicketJournal.Change::field).collect(Collectors.toSet());
        // names read once for the whole history, and only for the fields it has
        Map<String, String> typeNames = !fields.contains("type") ? Map.of() : types.all().stream().collect(
                Collectors.toMap(TicketTypes.TicketType::code, t -> t.label(messages, locale)));
        Map<String, String> categoryPaths = !fields.contains("category") ? Map.of() : categories.all().stream()
                .collect(Collectors.toMap(c -> String.valueOf(c.id()), TicketCategories.Category::path));
        Map<String, String> staffNames = !fields.contains("assignee") ? Map.of() : staff.everyone().stream()
                .collect(Collectors.toMap(s -> String.valueOf(s.id()), StaffDirectory.StaffSummary::displayName));
        Map<String, Function<String, String>> shown = Map.of(
                "state", v -> label("ticket.state." + v, v, locale),
                "priority", v -> label("ticket.priority." + v, v, locale),
                "returnVisit", v -> label("ticket.verdict." + v, v, locale),
                "type", v -> typeNames.getOrDefault(v, v),
                "category", v -> categoryPaths.getOrDefault(v, v),
                "assignee", v -> staffNames.getOrDefault(v, v));
        return changes.stream().map(c -> {
            Function<String, String> name = shown.getOrDefault(c.field(), Function.identity());
            return new Line(c.changedAt(), c.actorName(), c.field(),
                    c.oldValue() == null ? null : name.apply(c.oldValue()),
                    c.newValue() == null ? null : name.apply(c.newValue()));
        }).toList();
    }

    private String label(String key, String fallback, Locale locale) {
        return messages.getMessage(key, null, fallback, locale);
    }
}
