package com.siyu.mall.catalog.search;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Keyword search over this replica's in-memory index, and keeping that index current: rebuilt from the database at
 * startup (before the replica reports ready), on demand and periodically (sales counts move with every paid order
 * and emit no product event); single products refreshed after each local commit and on every product event.
 */
@Service
public class ProductSearch implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ProductSearch.class);

    public record Rebuilt(int products, long millis) {
    }

    private final Object refreshLock = new Object();
    private final ProductIndex index = new ProductIndex();
    private final SearchDocuments documents;
    /** Products refreshed while a rebuild runs: refreshed again after it, so its older snapshot cannot win. */
    private volatile Set<Long> changedDuringRebuild;

    ProductSearch(SearchDocuments documents) {
        this.documents = documents;
    }

    public SearchHits search(SearchQuery query) {
        return index.search(query);
    }

    /** Re-reads these products; those no longer on sale leave the index. */
    /**
     * Read and write under one lock: otherwise a refresh that read the product before a later change could write its
     * older document after the later refresh (after-commit hook vs. the event of the same change).
     */
    public void refresh(Collection<Long> spuIds) {
        Set<Long> during = changedDuringRebuild;
        if (during != null) {
            during.addAll(spuIds);
        }
        synchronized (refreshLock) {
            index.replace(spuIds, documents.of(spuIds));
        }
    }

    public synchronized Rebuilt rebuild() {
        long start = System.nanoTime();
        changedDuringRebuild = ConcurrentHashMap.newKeySet();
        List<ProductDocument> all = documents.all();
        index.replaceAll(all);
        Set<Long> again = changedDuringRebuild;
        changedDuringRebuild = null;
        if (!again.isEmpty()) {
            synchronized (refreshLock) {
                index.replace(again, documents.of(again));
            }
        }
        Rebuilt rebuilt = new Rebuilt(all.size(), (System.nanoTime() - start) / 1_000_000);
        log.info("search index rebuilt: {} products in {} ms", rebuilt.products(), rebuilt.millis());
        return rebuilt;
    }

    /** At startup, before readiness: a replica that cannot read the catalog yet starts empty and catches up later. */
    @Override
    public void run(ApplicationArguments args) {
        try {
            rebuild();
        } catch (RuntimeException e) {
            log.error("search index rebuild at startup failed; the periodic rebuild retries", e);
        }
    }

    @Scheduled(fixedDelayString = "${mall.catalog.search.rebuild-interval:PT10M}",
            initialDelayString = "${mall.catalog.search.rebuild-interval:PT10M}")
    void periodicRebuild() {
        try {
            rebuild();
        } catch (RuntimeException e) {
            log.warn("periodic search index rebuild failed: {}", e.toString());
        }
    }

    int size() {
        return index.size();
    }
}
