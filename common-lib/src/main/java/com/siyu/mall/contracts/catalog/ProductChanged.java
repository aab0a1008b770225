package com.siyu.mall.contracts.catalog;

import java.util.List;

/**
 * A product's displayed fields changed (SPU fields, or a SKU's original price, barcode or weight); the values are
 * the state after the change. Price changes travel as {@link PriceChanged}. Key: spuId.
 */
public record ProductChanged(long spuId, String title, String status, Long categoryId, Long brandId,
        List<String> tags, String audience) {
}
