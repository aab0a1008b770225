package com.siyu.mall.contracts.catalog;

/** A SKU's selling price changed. Key: spuId (so it stays ordered with the product's other events). */
public record PriceChanged(long skuId, long spuId, long oldPriceFen, long newPriceFen) {
}
