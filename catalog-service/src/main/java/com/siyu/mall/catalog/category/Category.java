package com.siyu.mall.catalog.category;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.Instant;

@TableName("category")
public class Category {

    @TableId(type = IdType.ASSIGN_ID)
    private Long id;
    /** 0 for a root category. */
    private Long parentId;
    private String name;
    private Integer sortOrder;
    private Instant createdAt;
    private Instant updatedAt;

    static Category of(long parentId, String name, int sortOrder) {
        Category category = new Category();
        category.parentId = parentId;
        category.name = name;
        category.sortOrder = sortOrder;
        category.createdAt = Instant.now();
        category.updatedAt = category.createdAt;
        return category;
    }

    CategoryTree.Node node() {
        return new CategoryTree.Node(id, parentId, name, sortOrder);
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Long getParentId() { return parentId; }
    public void setParentId(Long parentId) { this.parentId = parentId; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public Integer getSortOrder() { return sortOrder; }
    public void setSortOrder(Integer sortOrder) { this.sortOrder = sortOrder; }
    public Instant getCreatedAt() { return createdAt; }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt; }
}
