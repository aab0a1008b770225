package com.siyu.mall.contracts.catalog;

/**
 * A SKU's selling price changed. Key: spuId (so it stays ordered with the product's other events).
 *
 * @param levelCode {@code null} for the list price; a member level code ({@code V2}) for that level's explicit
 *                  price, where {@code 0} in {@code oldPriceFen}/{@code newPriceFen} means "no explicit price"
 *                  (the level discount applies). Added in schemaVersion 1 without breaking older readers.
 */
public record PriceChanged(long skuId, long spuId, long oldPriceFen, long newPriceFen, String levelCode) {

    public PriceChanged(long skuId, long spuId, long oldPriceFen, long newPriceFen) {
        this(skuId, spuId, oldPriceFen, newPriceFen, null);
    }
}
