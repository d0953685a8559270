package io.kefu.ticket.internal;

import java.util.List;
import java.util.Optional;

import io.kefu.platform.DomainException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The category tree tickets are filed under, e.g. 宽带 › 断网. */
@Repository
public class TicketCategories {

    /** @param path the names from the root down, joined for display */
    public record Category(long id, Long parentId, String name, String path) {
    }

    private final JdbcClient jdbc;

    TicketCategories(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every category with its path, in tree order. */
    public List<Category> all() {
        return jdbc.sql("""
                WITH RECURSIVE tree AS (
                    SELECT id, parent_id, name, name::text AS path, ARRAY[position, id] AS sort_key
                    FROM ticket_category WHERE parent_id IS NULL
                    UNION ALL
                    SELECT c.id, c.parent_id, c.name, t.path || ' › ' || c.name, t.sort_key || ARRAY[c.position, c.id]
                    FROM ticket_category c JOIN tree t ON c.parent_id = t.id)
                SELECT id, parent_id, name, path FROM tree ORDER BY sort_key""")
                .query((rs, n) -> new Category(rs.getLong(1), rs.getObject(2, Long.class), rs.getString(3),
                        rs.getString(4)))
                .list();
    }

    public Optional<Category> find(long id) {
        return all().stream().filter(c -> c.id() == id).findFirst();
    }

    /** Refuses a category that does not exist (400 on the field {@code categoryId}); none is fine. */
    void require(Long id) {
        if (id != null && find(id).isEmpty()) {
            throw DomainException.onField(HttpStatus.BAD_REQUEST, "categoryId", "ticket.noSuchCategory", id);
        }
    }

    /** @return the new category's id, or empty when a sibling already has the name */
    Optional<Long> add(Long parentId, String name) {
        try {
            return Optional.of(jdbc.sql("""
                    INSERT INTO ticket_category (parent_id, name) VALUES (:parent, :name) RETURNING id""")
                    .param("parent", parentId).param("name", name).query(Long.class).single());
        } catch (DuplicateKeyException taken) {
            return Optional.empty();
        }
    }
}
