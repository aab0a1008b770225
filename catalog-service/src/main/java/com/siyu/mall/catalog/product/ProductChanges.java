package com.siyu.mall.catalog.product;

import com.siyu.mall.catalog.search.ProductSearch;
import java.util.Collection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps this replica's derived views (cache and search index) in step with product writes: right after the local
 * commit, and again when the product event arrives from any replica ({@link CatalogEventHandler}).
 */
@Component
class ProductChanges {

    private static final Logger log = LoggerFactory.getLogger(ProductChanges.class);

    private final ProductCache cache;
    private final ProductSearch search;

    ProductChanges(ProductCache cache, ProductSearch search) {
        this.cache = cache;
        this.search = search;
    }

    /** Inside a write transaction: the views follow once it commits (a rollback changes nothing). */
    void afterCommit(long spuId) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                changed(List.of(spuId));
            }
        });
    }

    /** The cache first (it cannot fail); an index refresh that fails is repaired by the next event or rebuild. */
    void changed(Collection<Long> spuIds) {
        cache.evict(spuIds);
        try {
            search.refresh(spuIds);
        } catch (RuntimeException e) {
            log.warn("search index refresh of {} failed: {}", spuIds, e.toString());
        }
    }
}
