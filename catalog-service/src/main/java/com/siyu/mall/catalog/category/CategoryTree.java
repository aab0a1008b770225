package com.siyu.mall.catalog.category;

import com.siyu.mall.common.error.MallException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The category tree in memory, and its rules: at most {@value #MAX_DEPTH} levels, no cycles. No Spring. */
final class CategoryTree {

    static final int MAX_DEPTH = 3;
    static final long ROOT = 0;

    record Node(long id, long parentId, String name, int sortOrder) {
    }

    record TreeNode(String id, String name, int level, int sortOrder, List<TreeNode> children) {
    }

    private static final Comparator<Node> ORDER = Comparator.comparingInt(Node::sortOrder).thenComparingLong(Node::id);

    private final Map<Long, Node> byId = new HashMap<>();
    private final Map<Long, List<Node>> children = new HashMap<>();

    CategoryTree(Collection<Node> nodes) {
        nodes.forEach(n -> {
            byId.put(n.id(), n);
            children.computeIfAbsent(n.parentId(), p -> new ArrayList<>()).add(n);
        });
        children.values().forEach(list -> list.sort(ORDER));
    }

    boolean contains(long id) {
        return byId.containsKey(id);
    }

    Node require(long id) {
        Node node = byId.get(id);
        if (node == null) {
            throw MallException.notFound("CATEGORY_NOT_FOUND", "no category " + id);
        }
        return node;
    }

    /** 1 for a root category. */
    int level(long id) {
        int level = 0;
        for (long at = id; at != ROOT; at = require(at).parentId()) {
            level++;
        }
        return level;
    }

    /** Levels in the subtree below and including {@code id}: 1 for a leaf. */
    int height(long id) {
        return 1 + children.getOrDefault(id, List.of()).stream().mapToInt(c -> height(c.id())).max().orElse(0);
    }

    boolean hasChildren(long id) {
        return !children.getOrDefault(id, List.of()).isEmpty();
    }

    /**
     * Checks that category {@code id} (null for a new one) may sit under {@code parentId} ({@link #ROOT} for the top):
     * the parent exists, is not the category itself or one of its descendants, and the subtree stays within
     * {@value #MAX_DEPTH} levels.
     */
    void checkPlacement(Long id, long parentId) {
        if (parentId != ROOT) {
            require(parentId);
        }
        if (id != null && (parentId == id || (parentId != ROOT && subtreeIds(id).contains(parentId)))) {
            throw MallException.conflict("CATEGORY_CYCLE", "category " + id + " cannot move below itself");
        }
        int parentLevel = parentId == ROOT ? 0 : level(parentId);
        int height = id == null ? 1 : height(id);
        if (parentLevel + height > MAX_DEPTH) {
            throw MallException.badRequest("CATEGORY_TOO_DEEP",
                    "categories have at most " + MAX_DEPTH + " levels; this would make " + (parentLevel + height));
        }
    }

    /** The category and every category below it. */
    List<Long> subtreeIds(long id) {
        require(id);
        List<Long> ids = new ArrayList<>();
        collect(id, ids);
        return ids;
    }

    private void collect(long id, List<Long> into) {
        into.add(id);
        children.getOrDefault(id, List.of()).forEach(c -> collect(c.id(), into));
    }

    /** The whole tree, siblings ordered by sort order then id. */
    List<TreeNode> roots() {
        return nodesBelow(ROOT, 1);
    }

    private List<TreeNode> nodesBelow(long parentId, int level) {
        return children.getOrDefault(parentId, List.of()).stream()
                .map(n -> new TreeNode(String.valueOf(n.id()), n.name(), level, n.sortOrder(), nodesBelow(n.id(), level + 1)))
                .toList();
    }
}
