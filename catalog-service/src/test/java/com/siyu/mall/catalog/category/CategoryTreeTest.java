package com.siyu.mall.catalog.category;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.siyu.mall.catalog.category.CategoryTree.Node;
import com.siyu.mall.common.error.MallException;
import java.util.List;
import org.junit.jupiter.api.Test;

class CategoryTreeTest {

    // 1 women ─ 2 dresses ─ 3 floral
    //         └ 4 tops
    // 5 men
    private final CategoryTree tree = new CategoryTree(List.of(
            new Node(3, 2, "floral", 0), new Node(2, 1, "dresses", 1), new Node(4, 1, "tops", 0),
            new Node(1, 0, "women", 0), new Node(5, 0, "men", 0)));

    @Test
    void levelsCountFromTheRoot() {
        assertThat(tree.level(1)).isEqualTo(1);
        assertThat(tree.level(2)).isEqualTo(2);
        assertThat(tree.level(3)).isEqualTo(3);
    }

    @Test
    void allowsAThirdLevelButNeverAFourth() {
        tree.checkPlacement(null, 2);
        assertCode(() -> tree.checkPlacement(null, 3), "CATEGORY_TOO_DEEP");
    }

    @Test
    void movingASubtreeCountsItsHeight() {
        tree.checkPlacement(2L, 5); // dresses (2 levels) under men: 3 levels
        assertCode(() -> tree.checkPlacement(1L, 5), "CATEGORY_TOO_DEEP"); // women (3 levels) under men: 4
        assertCode(() -> tree.checkPlacement(2L, 4), "CATEGORY_TOO_DEEP"); // dresses under tops: 4
        tree.checkPlacement(1L, CategoryTree.ROOT);
    }

    @Test
    void rejectsMovingACategoryBelowItselfOrItsDescendants() {
        assertCode(() -> tree.checkPlacement(1L, 1), "CATEGORY_CYCLE");
        assertCode(() -> tree.checkPlacement(1L, 3), "CATEGORY_CYCLE");
    }

    @Test
    void rejectsAnUnknownParent() {
        assertCode(() -> tree.checkPlacement(null, 99), "CATEGORY_NOT_FOUND");
    }

    @Test
    void subtreeIncludesEveryDescendant() {
        assertThat(tree.subtreeIds(1)).containsExactlyInAnyOrder(1L, 2L, 3L, 4L);
        assertThat(tree.subtreeIds(3)).containsExactly(3L);
        assertCode(() -> tree.subtreeIds(99), "CATEGORY_NOT_FOUND");
    }

    @Test
    void treeOrdersSiblingsBySortOrderThenId() {
        List<CategoryTree.TreeNode> roots = tree.roots();
        assertThat(roots).extracting(CategoryTree.TreeNode::name).containsExactly("women", "men");
        assertThat(roots.get(0).children()).extracting(CategoryTree.TreeNode::name).containsExactly("tops", "dresses");
        assertThat(roots.get(0).children().get(1).children().get(0).level()).isEqualTo(3);
    }

    private static void assertCode(Runnable action, String code) {
        assertThatThrownBy(action::run).isInstanceOf(MallException.class)
                .satisfies(e -> assertThat(((MallException) e).code()).isEqualTo(code));
    }
}
