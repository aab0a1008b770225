package com.siyu.mall.contracts.order;

/** One line of an order as events carry it; prices are the catalog's quote at checkout, in fen. */
public record OrderLine(long skuId, long spuId, int quantity, long unitPriceFen) {
}
