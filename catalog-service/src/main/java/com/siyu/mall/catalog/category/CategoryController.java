package com.siyu.mall.catalog.category;

import com.siyu.mall.catalog.category.CategoryService.CategoryRequest;
import com.siyu.mall.catalog.category.CategoryService.CategoryView;
import com.siyu.mall.catalog.category.CategoryTree.TreeNode;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CategoryController {

    record CategoryTreeView(List<TreeNode> items) {
    }

    private final CategoryService categories;

    CategoryController(CategoryService categories) {
        this.categories = categories;
    }

    @GetMapping({"/api/v1/categories", "/admin/v1/categories"})
    CategoryTreeView tree() {
        return new CategoryTreeView(categories.tree());
    }

    @GetMapping("/admin/v1/categories/{id}")
    CategoryView get(@PathVariable long id) {
        return categories.get(id);
    }

    @PostMapping("/admin/v1/categories")
    @ResponseStatus(HttpStatus.CREATED)
    CategoryView create(@Valid @RequestBody CategoryRequest request) {
        return categories.create(request);
    }

    @PutMapping("/admin/v1/categories/{id}")
    CategoryView update(@PathVariable long id, @Valid @RequestBody CategoryRequest request) {
        return categories.update(id, request);
    }

    @DeleteMapping("/admin/v1/categories/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id) {
        categories.delete(id);
    }
}
