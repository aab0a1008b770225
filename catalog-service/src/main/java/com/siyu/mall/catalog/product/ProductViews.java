package com.siyu.mall.catalog.product;

import java.util.List;
import java.util.Map;

/** What clients see: ids as strings, money as integer fen. */
final class ProductViews {

    private ProductViews() {
    }

    record CreatedProduct(String spuId, List<CreatedSku> skus) {
    }

    record CreatedSku(String skuId, Map<String, String> specs, long priceFen, int stock) {
    }

    record ProductSummary(String spuId, String title, long minPriceFen, int available) {
    }

    record ProductPage(List<ProductSummary> items, String nextCursor) {
    }

    record ProductDetail(String spuId, String title, String description, String status, List<SkuView> skus) {
    }

    record SkuView(String skuId, Map<String, String> specs, long priceFen, int available) {
    }
}
