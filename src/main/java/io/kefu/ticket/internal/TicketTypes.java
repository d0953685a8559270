package io.kefu.ticket.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.kefu.platform.DomainException;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The ticket types: eight built in (their labels in the messages), more added by administrators. */
@Repository
public class TicketTypes {

    public record TicketType(String code, String name, boolean builtIn, boolean requiresReturnVisit) {

        /** The message key of a built-in type's label; added types show their stored name. */
        public String labelKey() {
            return "ticket.type." + code;
        }

        /** The label people read: a built-in type's from the messages, an added type's stored name. */
        public String label(MessageSource messages, Locale locale) {
            return builtIn ? messages.getMessage(labelKey(), null, name, locale) : name;
        }
    }

    private static final String SELECT = "SELECT code, name, built_in, requires_return_visit FROM ticket_type";
    private static final RowMapper<TicketType> ROW = (rs, n) -> new TicketType(rs.getString(1), rs.getString(2),
            rs.getBoolean(3), rs.getBoolean(4));

    private final JdbcClient jdbc;
    /** Codes found to exist. Types are only ever added, so a code once found stays valid, on every node. */
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    TicketTypes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<TicketType> all() {
        return jdbc.sql(SELECT + " ORDER BY position, code").query(ROW).list();
    }

    public Optional<TicketType> find(String code) {
        return jdbc.sql(SELECT + " WHERE code = :code").param("code", code).query(ROW).optional();
    }

    /** Refuses a type tickets may not have (400 on the field {@code type}). */
    void require(String code) {
        if (code == null || !exists(code)) {
            throw DomainException.onField(HttpStatus.BAD_REQUEST, "type", "ticket.noSuchType", code);
        }
    }

    /** Whether a ticket may have this type; asked for every new ticket, so the answer is read once per code. */
    private boolean exists(String code) {
        if (known.contains(code)) {
            return true;
        }
        boolean found = find(code).isPresent();
        if (found) {
            known.add(code);
        }
        return found;
    }

    /** @return false when the code is taken */
    boolean add(String code, String name, boolean requiresReturnVisit) {
        return jdbc.sql("""
                INSERT INTO ticket_type (code, name, requires_return_visit, position)
                VALUES (:code, :name, :rv, 1000) ON CONFLICT (code) DO NOTHING""")
                .param("code", code).param("name", name).param("rv", requiresReturnVisit).update() == 1;
    }
}
