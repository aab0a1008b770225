package com.siyu.mall.contracts.catalog;

/** A product left {@code ON_SALE}: no longer listed, quoted or reservable. Key: spuId. */
public record ProductUnpublished(long spuId, String status) {
}
