package com.siyu.mall.catalog.product;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.Instant;

@TableName("spu")
public class Spu {

    public enum Status { DRAFT, ON_SALE, OFF_SALE }

    @TableId(type = IdType.ASSIGN_ID)
    private Long id;
    private String title;
    private String description;
    private Status status;
    private Instant createdAt;
    private Instant updatedAt;

    static Spu onSale(String title, String description) {
        Spu spu = new Spu();
        spu.title = title;
        spu.description = description;
        spu.status = Status.ON_SALE;
        spu.createdAt = Instant.now();
        spu.updatedAt = spu.createdAt;
        return spu;
    }

    public boolean isOnSale() {
        return status == Status.ON_SALE;
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public Status getStatus() { return status; }
    public void setStatus(Status status) { this.status = status; }
    public Instant getCreatedAt() { return createdAt; }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt; }
}
