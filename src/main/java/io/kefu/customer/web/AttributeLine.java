package io.kefu.customer.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.kefu.customer.internal.CustomerFields;

/** One custom attribute of a customer as her page shows it: the field's label, its type and the value. */
public record AttributeLine(String label, CustomerFields.Type type, Object value) {

    /** In the order of the field definitions; a value whose field is unknown is shown under its key, as text. */
    static List<AttributeLine> of(Map<String, Object> attributes, List<CustomerFields.Field> fields) {
        Map<String, Object> left = new LinkedHashMap<>(attributes);
        List<AttributeLine> lines = new ArrayList<>();
        for (CustomerFields.Field field : fields) {
            if (left.containsKey(field.key())) {
                lines.add(new AttributeLine(field.label(), field.type(), left.remove(field.key())));
            }
        }
        left.forEach((key, value) -> lines.add(new AttributeLine(key, CustomerFields.Type.TEXT, value)));
        return lines;
    }
}
