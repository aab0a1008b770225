package com.siyu.mall.order.order;

import com.siyu.mall.contracts.catalog.PriceQuote;
import com.siyu.mall.contracts.catalog.PriceQuoteRequest;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

@FeignClient(name = "catalog-service", contextId = "catalog")
interface CatalogClient {

    @PostMapping("/internal/catalog/price-quotes")
    PriceQuote quote(@RequestBody PriceQuoteRequest request);
}
