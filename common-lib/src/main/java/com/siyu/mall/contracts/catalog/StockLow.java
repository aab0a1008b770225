package com.siyu.mall.contracts.catalog;

/** A reservation or adjustment took a SKU's available stock from at least its threshold to below it. Key: skuId. */
public record StockLow(long skuId, int available, int threshold) {
}
