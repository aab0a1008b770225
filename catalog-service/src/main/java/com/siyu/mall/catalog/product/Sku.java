package com.siyu.mall.catalog.product;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.Instant;

@TableName("sku")
public class Sku {

    @TableId(type = IdType.ASSIGN_ID)
    private Long id;
    private Long spuId;
    /** JSON object of spec name → value, e.g. {"color":"red"}. */
    private String specs;
    private Long priceFen;
    /** The strike-through price; null when there is none. Never below priceFen. */
    private Long originalPriceFen;
    private String barcode;
    private Integer weightGrams;
    private Instant createdAt;
    private Instant updatedAt;

    static Sku of(long spuId, String specsJson, long priceFen, Long originalPriceFen, String barcode, Integer weightGrams) {
        PriceRules.check(priceFen, originalPriceFen);
        Sku sku = new Sku();
        sku.spuId = spuId;
        sku.specs = specsJson;
        sku.priceFen = priceFen;
        sku.originalPriceFen = originalPriceFen;
        sku.barcode = barcode;
        sku.weightGrams = weightGrams;
        sku.createdAt = Instant.now();
        sku.updatedAt = sku.createdAt;
        return sku;
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Long getSpuId() { return spuId; }
    public void setSpuId(Long spuId) { this.spuId = spuId; }
    public String getSpecs() { return specs; }
    public void setSpecs(String specs) { this.specs = specs; }
    public Long getPriceFen() { return priceFen; }
    public void setPriceFen(Long priceFen) { this.priceFen = priceFen; }
    public Long getOriginalPriceFen() { return originalPriceFen; }
    public void setOriginalPriceFen(Long originalPriceFen) { this.originalPriceFen = originalPriceFen; }
    public String getBarcode() { return barcode; }
    public void setBarcode(String barcode) { this.barcode = barcode; }
    public Integer getWeightGrams() { return weightGrams; }
    public void setWeightGrams(Integer weightGrams) { this.weightGrams = weightGrams; }
    public Instant getCreatedAt() { return createdAt; }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt; }
}
