package com.siyu.mall.contracts.catalog;

import java.util.List;
import java.util.Map;

/** Unit prices, the rule that produced each, and a product snapshot for the order. */
public record PriceQuote(List<Line> lines, long totalFen) {

    public record Line(long skuId, long spuId, String title, Map<String, String> specs, int quantity,
            long unitPriceFen, String priceRule) {
    }
}
