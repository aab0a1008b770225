package com.siyu.mall.order.order;

import com.siyu.mall.contracts.catalog.PriceQuote;
import com.siyu.mall.contracts.catalog.PriceQuoteRequest;
import io.github.resilience4j.bulkhead.annotation.Bulkhead;
import io.github.resilience4j.circuitbreaker.annotation.CircuitBreaker;
import org.springframework.stereotype.Component;

/**
 * Prices come from catalog, never from the request. Pricing is a decision the order must wait for, so there is no
 * degraded answer: when catalog is down or shedding, placing an order fails fast with 503 (no retries: the read
 * timeout is the budget).
 */
@Component
class Pricing {

    private final CatalogClient catalog;

    Pricing(CatalogClient catalog) {
        this.catalog = catalog;
    }

    @CircuitBreaker(name = "catalog")
    @Bulkhead(name = "catalog")
    PriceQuote quote(PriceQuoteRequest request) {
        return catalog.quote(request);
    }
}
