package com.siyu.mall.catalog.product;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What clients see: ids as strings, money as integer fen. */
final class ProductViews {

    private ProductViews() {
    }

    record CreatedProduct(String spuId, String status, List<CreatedSku> skus) {
    }

    record CreatedSku(String skuId, Map<String, String> specs, long priceFen, int stock) {
    }

    record ProductSummary(String spuId, String title, String subtitle, String imageUrl, long minPriceFen,
            int available, long sales) {
    }

    record ProductPage(List<ProductSummary> items, String nextCursor) {
    }

    record ProductDetail(String spuId, String title, String subtitle, String description, List<String> imageUrls,
            String categoryId, String brandId, List<String> tags, String audience, Integer perMemberLimit,
            String status, List<SkuView> skus) {

        ProductDetail withSkus(List<SkuView> newSkus) {
            return new ProductDetail(spuId, title, subtitle, description, imageUrls, categoryId, brandId, tags, audience,
                    perMemberLimit, status, newSkus);
        }
    }

    /** {@code memberPriceFen}/{@code memberPriceRule}: the calling member's price; null for guests or when unknown. */
    record SkuView(String skuId, Map<String, String> specs, long priceFen, Long originalPriceFen, int available,
            Long memberPriceFen, String memberPriceRule) {

        SkuView(String skuId, Map<String, String> specs, long priceFen, Long originalPriceFen, int available) {
            this(skuId, specs, priceFen, originalPriceFen, available, null, null);
        }
    }

    record AdminProduct(String spuId, String title, String subtitle, String description, List<String> imageUrls,
            String categoryId, String brandId, List<String> tags, String audience, Integer perMemberLimit,
            int sortWeight, String status, Instant createdAt, Instant updatedAt, List<AdminSku> skus) {
    }

    record AdminSku(String skuId, Map<String, String> specs, long priceFen, Long originalPriceFen, String barcode,
            Integer weightGrams, int available, int reserved, int sold, int lowStockThreshold) {
    }

    static String id(Long id) {
        return id == null ? null : String.valueOf(id);
    }
}
