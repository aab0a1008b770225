package com.siyu.mall.catalog.product;

import com.siyu.mall.catalog.product.ProductRequests.CreateProductRequest;
import com.siyu.mall.catalog.product.ProductRequests.PatchProductRequest;
import com.siyu.mall.catalog.product.ProductRequests.PatchSkuRequest;
import com.siyu.mall.catalog.product.ProductRequests.ReplaceProductRequest;
import com.siyu.mall.catalog.product.ProductService.ListingQuery;
import com.siyu.mall.catalog.product.ProductViews.AdminProduct;
import com.siyu.mall.catalog.product.ProductViews.AdminSku;
import com.siyu.mall.catalog.product.ProductViews.CreatedProduct;
import com.siyu.mall.catalog.product.ProductViews.ProductDetail;
import com.siyu.mall.catalog.product.ProductViews.ProductPage;
import com.siyu.mall.common.error.MallException;
import com.siyu.mall.common.security.CurrentUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.OptionalLong;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ProductController {

    private final ProductService products;
    private final ProductAdmin admin;

    ProductController(ProductService products, ProductAdmin admin) {
        this.products = products;
        this.admin = admin;
    }

    @PostMapping("/admin/v1/products")
    @ResponseStatus(HttpStatus.CREATED)
    CreatedProduct create(@Valid @RequestBody CreateProductRequest request) {
        return admin.create(request, CurrentUser.subject());
    }

    @GetMapping("/admin/v1/products/{spuId}")
    AdminProduct get(@PathVariable long spuId) {
        return admin.get(spuId);
    }

    @PutMapping("/admin/v1/products/{spuId}")
    AdminProduct replace(@PathVariable long spuId, @Valid @RequestBody ReplaceProductRequest request) {
        return admin.update(spuId, current -> request.fields());
    }

    @PatchMapping("/admin/v1/products/{spuId}")
    AdminProduct patch(@PathVariable long spuId, @Valid @RequestBody PatchProductRequest request) {
        if (request.isEmpty()) {
            throw MallException.badRequest("PATCH_EMPTY", "name at least one field to change");
        }
        return admin.update(spuId, request::applyTo);
    }

    @PostMapping("/admin/v1/products/{spuId}/publish")
    AdminProduct publish(@PathVariable long spuId) {
        return admin.publish(spuId);
    }

    @PostMapping("/admin/v1/products/{spuId}/unpublish")
    AdminProduct unpublish(@PathVariable long spuId) {
        return admin.unpublish(spuId);
    }

    @PatchMapping("/admin/v1/skus/{skuId}")
    AdminSku patchSku(@PathVariable long skuId, @Valid @RequestBody PatchSkuRequest request) {
        return admin.patchSku(skuId, request);
    }

    @GetMapping("/api/v1/products")
    ProductPage list(@RequestParam(required = false) @Size(max = 100) String q,
            @RequestParam(required = false) @Size(max = 100) String keyword,
            @RequestParam(required = false) Long categoryId,
            @RequestParam(required = false) Long brandId,
            @RequestParam(required = false) @Size(max = 32) String tag,
            @RequestParam(required = false) @Min(0) Long minPriceFen,
            @RequestParam(required = false) @Min(0) Long maxPriceFen,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) @Size(max = 200) String cursor,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        return products.list(new ListingQuery(keyword, categoryId, brandId, tag, minPriceFen, maxPriceFen, sort, cursor,
                limit, q), CurrentUser.optionalMemberId().isPresent());
    }

    @GetMapping("/api/v1/products/{spuId}")
    ProductDetail detail(@PathVariable long spuId) {
        OptionalLong member = CurrentUser.optionalMemberId();
        ProductDetail detail = products.detail(spuId, member.isPresent());
        return member.isPresent() ? products.withMemberPrices(detail, member.getAsLong()) : detail;
    }
}
