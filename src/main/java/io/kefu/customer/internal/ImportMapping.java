package io.kefu.customer.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.kefu.platform.DomainException;
import org.springframework.http.HttpStatus;

/**
 * Which column of the file feeds which field: a target per column, null where a column is left out. A target is
 * an {@link ImportField} name or {@code attribute:<key>} for a custom field.
 */
public record ImportMapping(List<String> targets) {

    public static final String ATTRIBUTE = "attribute:";

    public ImportMapping {
        targets = Collections.unmodifiableList(new ArrayList<>(targets));
    }

    /** The mapping suggested by the headers: 姓名 → NAME, 手机号 → PHONE, a custom field's key or label → it. */
    public static ImportMapping guess(List<String> headers, List<CustomerFields.Field> customFields) {
        List<String> targets = new ArrayList<>();
        for (String header : headers) {
            ImportField field = ImportField.guess(header);
            String target = field == null ? null : field.name();
            for (CustomerFields.Field custom : customFields) {
                if (target == null && header != null
                        && (header.strip().equalsIgnoreCase(custom.key()) || header.strip().equals(custom.label()))) {
                    target = ATTRIBUTE + custom.key();
                }
            }
            targets.add(target);
        }
        return new ImportMapping(targets);
    }

    /** Refuses a mapping without a name column or naming a field twice (but phones, emails and tags). */
    public ImportMapping checked() {
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (String target : targets) {
            if (target == null || target.isBlank()) {
                continue;
            }
            boolean repeatable = target.equals("PHONE") || target.equals("EMAIL") || target.equals("TAGS");
            if (!target.startsWith(ATTRIBUTE)) {
                try {
                    ImportField.valueOf(target);
                } catch (IllegalArgumentException e) {
                    throw DomainException.onField(HttpStatus.BAD_REQUEST, "mapping", "customer.import.unknownField",
                            target);
                }
            }
            if (seen.merge(target, 1, Integer::sum) > 1 && !repeatable) {
                throw DomainException.onField(HttpStatus.BAD_REQUEST, "mapping", "customer.import.mappedTwice",
                        target);
            }
        }
        if (!seen.containsKey(ImportField.NAME.name())) {
            throw DomainException.onField(HttpStatus.BAD_REQUEST, "mapping", "customer.import.needsName");
        }
        return this;
    }

    public String targetOf(int column) {
        return column < targets.size() ? targets.get(column) : null;
    }
}
