package com.siyu.mall.catalog.product;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.siyu.mall.catalog.product.ProductService.ListingQuery;
import com.siyu.mall.catalog.product.ProductViews.ProductDetail;
import com.siyu.mall.catalog.product.ProductViews.ProductPage;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.time.Duration;
import java.util.Collection;
import java.util.function.Supplier;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * This replica's cache of member-independent product views: a product's detail (whatever its status and audience;
 * visibility is checked on every read) and the first page of each listing, keyed by its filters, sort and whether
 * the caller is a member. Stock and sales are never served from here (see {@link ProductService}). Entries are
 * dropped after every local commit that touches a product and on every product event from any replica; the TTL is
 * only a safety net.
 */
@Component
@EnableConfigurationProperties(ProductCache.Properties.class)
class ProductCache {

    @ConfigurationProperties("mall.catalog.cache")
    record Properties(@DefaultValue("true") boolean enabled, @DefaultValue("10000") int detailSize,
            @DefaultValue("2000") int listingSize, @DefaultValue("60s") Duration maxTtl) {
    }

    record ListingKey(ListingQuery query, boolean member) {
    }

    private final boolean enabled;
    private final Cache<Long, ProductDetail> details;
    private final Cache<ListingKey, ProductPage> listings;
    private final java.util.concurrent.atomic.AtomicLong evictions = new java.util.concurrent.atomic.AtomicLong();

    ProductCache(Properties props, MeterRegistry meters) {
        this.enabled = props.enabled();
        this.details = Caffeine.newBuilder().maximumSize(props.detailSize()).expireAfterWrite(props.maxTtl())
                .recordStats().build();
        this.listings = Caffeine.newBuilder().maximumSize(props.listingSize()).expireAfterWrite(props.maxTtl())
                .recordStats().build();
        // hit ratios and evictions on /actuator/prometheus (cache_gets_total{cache="catalog.product.detail",...})
        CaffeineCacheMetrics.monitor(meters, details, "catalog.product.detail");
        CaffeineCacheMetrics.monitor(meters, listings, "catalog.product.listing");
    }

    boolean enabled() {
        return enabled;
    }

    /** null (and nothing cached) when the loader finds no product. */
    ProductDetail detail(long spuId, Supplier<ProductDetail> loader) {
        return enabled ? details.get(spuId, id -> loader.get()) : loader.get();
    }

    /**
     * Pages are stored only when no eviction happened while they loaded: clearing the whole cache skips entries still
     * loading, so a page read before a commit could otherwise outlive that commit's eviction (details are evicted by
     * key, which waits for a load in flight).
     */
    ProductPage listing(ListingKey key, Supplier<ProductPage> loader) {
        if (!enabled) {
            return loader.get();
        }
        ProductPage cached = listings.getIfPresent(key);
        if (cached != null) {
            return cached;
        }
        long before = evictions.get();
        ProductPage page = loader.get();
        if (evictions.get() == before) {
            listings.put(key, page);
            if (evictions.get() != before) {
                listings.invalidate(key); // an eviction ran between the check and the put
            }
        }
        return page;
    }

    /** A product changed: its detail goes, and every listing page (it may enter, leave or move in any of them). */
    void evict(Collection<Long> spuIds) {
        evictions.incrementAndGet();
        details.invalidateAll(spuIds);
        listings.invalidateAll();
    }
}
