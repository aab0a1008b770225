package com.siyu.mall.contracts.catalog;

import java.util.List;

/**
 * Nothing was reserved: at least one line could not be. Reason: SKU_UNAVAILABLE, NEW_MEMBER_LIMIT_EXCEEDED (the
 * member would hold more units of a new-members-only product than its per-member limit) or OUT_OF_STOCK.
 */
public record InventoryReservationFailed(long orderId, String reason, List<Long> skuIds) {
}
