package com.siyu.mall.catalog.category;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.siyu.mall.catalog.category.CategoryTree.TreeNode;
import com.siyu.mall.common.error.MallException;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Category writes lock every category row first ({@code FOR UPDATE}), so two concurrent moves can never build a
 * cycle or a fourth level between them; categories change rarely, so serialising their writes costs nothing.
 */
@Service
public class CategoryService {

    record CategoryRequest(@NotBlank @Size(max = 64) String name, Long parentId,
            @Min(-1_000_000) @Max(1_000_000) Integer sortOrder) {
    }

    record CategoryView(String id, String parentId, String name, int level, int sortOrder) {
    }

    private final CategoryMapper categories;
    private final JdbcTemplate jdbc;

    CategoryService(CategoryMapper categories, JdbcTemplate jdbc) {
        this.categories = categories;
        this.jdbc = jdbc;
    }

    List<TreeNode> tree() {
        return load(false).roots();
    }

    CategoryView get(long id) {
        CategoryTree tree = load(false);
        return view(tree, tree.require(id).id());
    }

    @Transactional
    CategoryView create(CategoryRequest request) {
        CategoryTree tree = load(true);
        long parentId = parentOf(request);
        tree.checkPlacement(null, parentId);
        Category category = Category.of(parentId, request.name().strip(), sortOrderOf(request));
        try {
            categories.insert(category);
        } catch (DuplicateKeyException e) {
            throw nameTaken(request);
        }
        return view(category, tree.level(parentId) + 1);
    }

    @Transactional
    CategoryView update(long id, CategoryRequest request) {
        CategoryTree tree = load(true);
        tree.require(id);
        long parentId = parentOf(request);
        tree.checkPlacement(id, parentId);
        Category category = categories.selectById(id);
        category.setParentId(parentId);
        category.setName(request.name().strip());
        category.setSortOrder(sortOrderOf(request));
        category.setUpdatedAt(Instant.now());
        try {
            categories.updateById(category);
        } catch (DuplicateKeyException e) {
            throw nameTaken(request);
        }
        return view(category, tree.level(parentId) + 1);
    }

    @Transactional
    void delete(long id) {
        CategoryTree tree = load(true);
        tree.require(id);
        if (tree.hasChildren(id)) {
            throw MallException.conflict("CATEGORY_HAS_CHILDREN", "category " + id + " has sub-categories");
        }
        // a locking read: a product being created in this category right now is either visible here or waits
        if (!jdbc.queryForList("SELECT id FROM spu WHERE category_id = ? LIMIT 1 LOCK IN SHARE MODE", Long.class, id)
                .isEmpty()) {
            throw MallException.conflict("CATEGORY_IN_USE", "category " + id + " still has products");
        }
        categories.deleteById(id);
    }

    /**
     * Checks that a product may point at the category and holds a share lock on it until the caller commits, so a
     * concurrent delete cannot remove it in between.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void requireForProduct(long categoryId) {
        if (jdbc.queryForList("SELECT id FROM category WHERE id = ? LOCK IN SHARE MODE", Long.class, categoryId).isEmpty()) {
            throw MallException.notFound("CATEGORY_NOT_FOUND", "no category " + categoryId);
        }
    }

    /** The category and all its descendants (404 {@code CATEGORY_NOT_FOUND} when unknown). */
    public List<Long> withDescendants(long categoryId) {
        return load(false).subtreeIds(categoryId);
    }

    private CategoryTree load(boolean lock) {
        LambdaQueryWrapper<Category> all = new LambdaQueryWrapper<>();
        if (lock) {
            all.last("FOR UPDATE");
        }
        return new CategoryTree(categories.selectList(all).stream().map(Category::node).toList());
    }

    private static long parentOf(CategoryRequest request) {
        return request.parentId() == null ? CategoryTree.ROOT : request.parentId();
    }

    private static int sortOrderOf(CategoryRequest request) {
        return request.sortOrder() == null ? 0 : request.sortOrder();
    }

    private static MallException nameTaken(CategoryRequest request) {
        return MallException.conflict("CATEGORY_NAME_TAKEN", "a sibling category is already named " + request.name().strip());
    }

    private static CategoryView view(CategoryTree tree, long id) {
        CategoryTree.Node node = tree.require(id);
        return new CategoryView(String.valueOf(id), node.parentId() == CategoryTree.ROOT ? null : String.valueOf(node.parentId()),
                node.name(), tree.level(id), node.sortOrder());
    }

    private static CategoryView view(Category c, int level) {
        return new CategoryView(String.valueOf(c.getId()),
                c.getParentId() == CategoryTree.ROOT ? null : String.valueOf(c.getParentId()), c.getName(), level,
                c.getSortOrder());
    }
}
