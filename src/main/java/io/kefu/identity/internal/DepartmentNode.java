package io.kefu.identity.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A department with its sub-departments, for showing the tree; {@code depth} 0 is a top-level department. */
public record DepartmentNode(long id, String name, Long parentId, int depth, List<DepartmentNode> children) {

    static List<DepartmentNode> treeOf(List<Department> departments) {
        Map<Long, List<Department>> byParent = new LinkedHashMap<>();
        for (Department d : departments) {
            byParent.computeIfAbsent(d.getParentId() == null ? 0L : d.getParentId(), k -> new ArrayList<>()).add(d);
        }
        return childrenOf(0L, byParent, 0);
    }

    private static List<DepartmentNode> childrenOf(long parentId, Map<Long, List<Department>> byParent, int depth) {
        return byParent.getOrDefault(parentId, List.of()).stream()
                .map(d -> new DepartmentNode(d.getId(), d.getName(), d.getParentId(), depth,
                        childrenOf(d.getId(), byParent, depth + 1)))
                .toList();
    }

    /** The tree flattened in display order, each node followed by its descendants. */
    public static List<DepartmentNode> flatten(List<DepartmentNode> roots) {
        List<DepartmentNode> flat = new ArrayList<>();
        for (DepartmentNode node : roots) {
            flat.add(node);
            flat.addAll(flatten(node.children()));
        }
        return flat;
    }
}
