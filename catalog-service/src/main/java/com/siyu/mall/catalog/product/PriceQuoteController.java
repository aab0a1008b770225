package com.siyu.mall.catalog.product;

import com.siyu.mall.contracts.catalog.PriceQuote;
import com.siyu.mall.contracts.catalog.PriceQuoteRequest;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The only source of prices for orders (service-to-service; never routed by the gateway). */
@RestController
class PriceQuoteController {

    private final ProductService products;

    PriceQuoteController(ProductService products) {
        this.products = products;
    }

    @PostMapping("/internal/catalog/price-quotes")
    PriceQuote quote(@Valid @RequestBody PriceQuoteRequest request) {
        return products.quote(request);
    }
}
