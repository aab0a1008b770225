package com.siyu.mall.catalog.search;

import java.util.List;

/** What the index knows of one on-sale product: searchable text, filter values and sort keys. */
record ProductDocument(long spuId, String title, String subtitle, String brandName, String categoryName,
        List<String> tags, Long categoryId, Long brandId, String audience, long minPriceFen, long sales,
        int sortWeight) {
}
