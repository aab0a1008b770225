package com.siyu.mall.catalog.product;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import com.siyu.mall.common.error.MallException;
import java.time.Instant;

/** The product (SPU). It guards its own status transitions; its editable fields travel as {@link ProductFields}. */
@TableName("spu")
public class Spu {

    public enum Status { DRAFT, ON_SALE, OFF_SALE }

    /** Who may see and buy the product; NEW_MEMBERS_ONLY buying rules live in {@code audience.AudienceRules}. */
    public enum Audience { PUBLIC, MEMBERS_ONLY, NEW_MEMBERS_ONLY }

    @TableId(type = IdType.ASSIGN_ID)
    private Long id;
    private String title;
    private String subtitle;
    private String description;
    /** JSON array of image URLs. */
    private String imageUrls;
    private Long categoryId;
    private Long brandId;
    private Integer sortWeight;
    private Audience audience;
    private Integer perMemberLimit;
    private Status status;
    private Instant createdAt;
    private Instant updatedAt;

    static Spu create(Status status) {
        if (status == Status.OFF_SALE) {
            throw MallException.badRequest("PRODUCT_STATUS_INVALID", "a new product is DRAFT or ON_SALE");
        }
        Spu spu = new Spu();
        spu.status = status;
        spu.createdAt = Instant.now();
        spu.updatedAt = spu.createdAt;
        return spu;
    }

    /** DRAFT or OFF_SALE → ON_SALE; true when the status changed. */
    boolean publish() {
        if (status == Status.ON_SALE) {
            return false;
        }
        status = Status.ON_SALE;
        updatedAt = Instant.now();
        return true;
    }

    /** ON_SALE → OFF_SALE; true when the status changed. A draft was never on sale, so it cannot be taken off sale. */
    boolean unpublish() {
        if (status == Status.DRAFT) {
            throw MallException.conflict("PRODUCT_STATE_CONFLICT", "product " + id + " is a draft; publish it first");
        }
        if (status == Status.OFF_SALE) {
            return false;
        }
        status = Status.OFF_SALE;
        updatedAt = Instant.now();
        return true;
    }

    public boolean isOnSale() {
        return status == Status.ON_SALE;
    }

    /** Listed, shown and quoted: on sale, and either public or the caller is a member. */
    boolean sellableTo(boolean member) {
        return isOnSale() && (audience == Audience.PUBLIC || member);
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getSubtitle() { return subtitle; }
    public void setSubtitle(String subtitle) { this.subtitle = subtitle; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getImageUrls() { return imageUrls; }
    public void setImageUrls(String imageUrls) { this.imageUrls = imageUrls; }
    public Long getCategoryId() { return categoryId; }
    public void setCategoryId(Long categoryId) { this.categoryId = categoryId; }
    public Long getBrandId() { return brandId; }
    public void setBrandId(Long brandId) { this.brandId = brandId; }
    public Integer getSortWeight() { return sortWeight; }
    public void setSortWeight(Integer sortWeight) { this.sortWeight = sortWeight; }
    public Audience getAudience() { return audience; }
    public void setAudience(Audience audience) { this.audience = audience; }
    public Integer getPerMemberLimit() { return perMemberLimit; }
    public void setPerMemberLimit(Integer perMemberLimit) { this.perMemberLimit = perMemberLimit; }
    public Status getStatus() { return status; }
    public void setStatus(Status status) { this.status = status; }
    public Instant getCreatedAt() { return createdAt; }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt; }
}
