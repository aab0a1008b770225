package com.siyu.mall.catalog.search;

import com.siyu.mall.common.error.MallException;
import java.util.List;
import java.util.Locale;

/**
 * A keyword search: the text, the listing filters (categoryIds already expanded to the subtree), who asks
 * ({@code member} also sees non-public products), the sort and the window.
 */
public record SearchQuery(String text, List<Long> categoryIds, Long brandId, String tag, Long minPriceFen,
        Long maxPriceFen, boolean member, Sort sort, int offset, int limit) {

    public enum Sort {
        RELEVANCE, NEWEST, PRICE_ASC, PRICE_DESC, SALES;

        /** Relevance unless named. */
        public static Sort parse(String value) {
            if (value == null || value.isBlank()) {
                return RELEVANCE;
            }
            try {
                return valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw MallException.badRequest("SORT_INVALID",
                        "sort is one of relevance, newest, price_asc, price_desc, sales; was " + value);
            }
        }
    }
}
