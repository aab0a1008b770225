package com.siyu.mall.catalog.product;

import com.siyu.mall.common.error.MallException;

/** A SKU's price fields, checked on the state after a change (create or PATCH). */
final class PriceRules {

    static final long MAX_PRICE_FEN = 100_000_000;

    private PriceRules() {
    }

    static void check(long priceFen, Long originalPriceFen) {
        if (priceFen < 1 || priceFen > MAX_PRICE_FEN) {
            throw MallException.badRequest("PRICE_INVALID", "priceFen must be 1–" + MAX_PRICE_FEN + ", was " + priceFen);
        }
        if (originalPriceFen != null && originalPriceFen < priceFen) {
            throw MallException.badRequest("PRICE_INVALID", "originalPriceFen " + originalPriceFen
                    + " is below priceFen " + priceFen + "; a strike-through price is never lower than the price");
        }
    }
}
