package io.kefu.knowledge.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.kefu.platform.DomainException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The category tree articles are filed in. */
@Service
@Transactional
public class Categories {

    /** A category with its depth in the tree, for indented lists and selects. */
    public record Category(long id, Long parentId, String name, int depth) {
    }

    private final JdbcClient jdbc;

    Categories(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The whole tree, parents before their children, siblings by name. */
    @Transactional(readOnly = true)
    public List<Category> tree() {
        List<Category> flat = jdbc.sql("SELECT id, parent_id, name FROM kb_category ORDER BY position, name, id")
                .query((rs, n) -> new Category(rs.getLong(1), rs.getObject(2, Long.class), rs.getString(3), 0))
                .list();
        Map<Long, List<Category>> children = flat.stream().filter(c -> c.parentId() != null)
                .collect(Collectors.groupingBy(Category::parentId));
        List<Category> ordered = new ArrayList<>();
        flat.stream().filter(c -> c.parentId() == null).forEach(root -> walk(root, 0, children, ordered));
        return ordered;
    }

    private static void walk(Category node, int depth, Map<Long, List<Category>> children, List<Category> out) {
        out.add(new Category(node.id(), node.parentId(), node.name(), depth));
        children.getOrDefault(node.id(), List.of()).forEach(child -> walk(child, depth + 1, children, out));
    }

    @Transactional(readOnly = true)
    public boolean exists(long id) {
        return jdbc.sql("SELECT count(*) FROM kb_category WHERE id = :id").param("id", id).query(Long.class)
                .single() > 0;
    }

    public long create(String name, Long parentId) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > 100) {
            throw DomainException.onField(HttpStatus.BAD_REQUEST, "name", "knowledge.categoryName");
        }
        if (parentId != null && !exists(parentId)) {
            throw DomainException.onField(HttpStatus.BAD_REQUEST, "parentId", "knowledge.unknownCategory", parentId);
        }
        return jdbc.sql("INSERT INTO kb_category (parent_id, name) VALUES (:parent, :name) RETURNING id")
                .param("parent", parentId).param("name", clean).query(Long.class).single();
    }

    /** Removes an empty category: one holding articles or other categories is refused with 409. */
    public void delete(long id) {
        if (!exists(id)) {
            throw DomainException.notFound("category", id);
        }
        long used = jdbc.sql("""
                SELECT (SELECT count(*) FROM kb_article WHERE category_id = :id)
                     + (SELECT count(*) FROM kb_category WHERE parent_id = :id)""").param("id", id)
                .query(Long.class).single();
        if (used > 0) {
            throw new DomainException(HttpStatus.CONFLICT, "knowledge.categoryInUse");
        }
        jdbc.sql("DELETE FROM kb_category WHERE id = :id").param("id", id).update();
    }
}
