package com.siyu.mall.catalog.search;

import java.util.List;

/** One window of matching product ids, best first; {@code more} when matches follow it. */
public record SearchHits(List<Long> spuIds, long totalHits, boolean more) {
}
