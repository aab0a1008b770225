package com.siyu.mall.contracts.catalog;

import java.util.List;

/** Nothing was reserved: at least one line could not be (reason OUT_OF_STOCK or SKU_UNAVAILABLE). */
public record InventoryReservationFailed(long orderId, String reason, List<Long> skuIds) {
}
