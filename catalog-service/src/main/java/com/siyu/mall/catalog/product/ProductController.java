package com.siyu.mall.catalog.product;

import com.siyu.mall.catalog.product.ProductRequests.CreateProductRequest;
import com.siyu.mall.catalog.product.ProductViews.CreatedProduct;
import com.siyu.mall.catalog.product.ProductViews.ProductDetail;
import com.siyu.mall.catalog.product.ProductViews.ProductPage;
import com.siyu.mall.common.security.CurrentUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ProductController {

    private final ProductService products;

    ProductController(ProductService products) {
        this.products = products;
    }

    @PostMapping("/admin/v1/products")
    @ResponseStatus(HttpStatus.CREATED)
    CreatedProduct create(@Valid @RequestBody CreateProductRequest request) {
        return products.create(request, CurrentUser.subject());
    }

    @GetMapping("/api/v1/products")
    ProductPage list(@RequestParam(required = false) String keyword,
            @RequestParam(required = false) Long cursor,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        return products.list(keyword, cursor, limit);
    }

    @GetMapping("/api/v1/products/{spuId}")
    ProductDetail detail(@PathVariable long spuId) {
        return products.detail(spuId);
    }
}
