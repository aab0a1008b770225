package com.siyu.mall.contracts.catalog;

import java.util.List;

/** A product became {@code ON_SALE} (created on sale, or published from DRAFT / OFF_SALE). Key: spuId. */
public record ProductPublished(long spuId, String title, Long categoryId, Long brandId, List<String> tags,
        String audience, long minPriceFen) {
}
