package io.kefu.customer.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.kefu.audit.AuditLog;
import io.kefu.platform.DomainException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The custom fields an administrator defines for customers, and the checking of values against them. */
@Service
@Transactional
public class CustomerFields {

    public enum Type { TEXT, NUMBER, DATE, BOOLEAN, CHOICE }

    public record Field(String key, String label, Type type, List<String> options) {
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;

    CustomerFields(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public List<Field> all() {
        return jdbc.sql("SELECT key, label, type, array_to_string(options, chr(31)) FROM customer_field ORDER BY key")
                .query((rs, n) -> new Field(rs.getString(1), rs.getString(2), Type.valueOf(rs.getString(3)),
                        rs.getString(4).isEmpty() ? List.of() : List.of(rs.getString(4).split("\u001f"))))
                .list();
    }

    public Field define(Field field) {
        if (!field.key().matches("[a-z][a-zA-Z0-9_]{0,49}")) {
            throw DomainException.onField(HttpStatus.BAD_REQUEST, "key", "customer.field.badKey", field.key());
        }
        if (field.type() == Type.CHOICE && field.options().isEmpty()) {
            throw DomainException.onField(HttpStatus.BAD_REQUEST, "options", "customer.field.needsOptions");
        }
        jdbc.sql("""
                INSERT INTO customer_field (key, label, type, options)
                VALUES (:key, :label, :type, string_to_array(:options, chr(31)))
                ON CONFLICT (key) DO UPDATE SET label = EXCLUDED.label, type = EXCLUDED.type, options = EXCLUDED.options""")
                .param("key", field.key()).param("label", field.label().strip()).param("type", field.type().name())
                .param("options", String.join("\u001f", field.options()))
                .update();
        audit.record("customer.fieldDefined", "customerField", field.key(), field.type() + " " + field.label());
        return field;
    }

    /** The attributes with each value in its field's type; unknown fields and wrong values are refused. */
    @Transactional(readOnly = true)
    public Map<String, Object> check(Map<String, Object> attributes) {
        return attributes.isEmpty() ? attributes : check(attributes, all());
    }

    /** As {@link #check(Map)}, against field definitions read once (an import checks many rows). */
    public static Map<String, Object> check(Map<String, Object> attributes, List<Field> definitions) {
        Map<String, Field> fields = new LinkedHashMap<>();
        definitions.forEach(f -> fields.put(f.key(), f));
        Map<String, Object> checked = new LinkedHashMap<>();
        attributes.forEach((key, value) -> {
            Field field = fields.get(key);
            if (field == null) {
                throw DomainException.onField(HttpStatus.BAD_REQUEST, "attributes", "customer.field.unknown", key);
            }
            if (value != null && !(value instanceof String s && s.isBlank())) {
                checked.put(key, typed(field, value));
            }
        });
        return checked;
    }

    private static Object typed(Field field, Object value) {
        String text = String.valueOf(value).strip();
        try {
            return switch (field.type()) {
                case TEXT -> text;
                case NUMBER -> value instanceof Number n ? n : new BigDecimal(text);
                case DATE -> LocalDate.parse(text).toString();
                // Spreadsheets from these offices say 是 / 否 (yes / no): input tokens, not labels.
                case BOOLEAN -> switch (text.toLowerCase(Locale.ROOT)) {
                    case "true", "\u662f", "1", "yes" -> true;
                    case "false", "\u5426", "0", "no" -> false;
                    default -> throw new IllegalArgumentException(text);
                };
                case CHOICE -> {
                    if (!field.options().contains(text)) {
                        throw new IllegalArgumentException(text);
                    }
                    yield text;
                }
            };
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw DomainException.onField(HttpStatus.BAD_REQUEST, "attributes", "customer.field.badValue",
                    field.label(), text);
        }
    }
}
