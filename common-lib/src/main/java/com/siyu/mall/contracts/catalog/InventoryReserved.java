package com.siyu.mall.contracts.catalog;

/** Every line of the order is reserved. */
public record InventoryReserved(long orderId) {
}
