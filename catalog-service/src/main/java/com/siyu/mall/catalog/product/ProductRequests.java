package com.siyu.mall.catalog.product;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

final class ProductRequests {

    private ProductRequests() {
    }

    record CreateProductRequest(
            @NotBlank @Size(max = 200) String title,
            @Size(max = 20_000) String description,
            @NotEmpty @Size(max = 50) List<@Valid @NotNull SkuRequest> skus) {
    }

    record SkuRequest(
            @Size(max = 10) Map<@NotBlank @Size(max = 32) String, @NotBlank @Size(max = 64) String> specs,
            @NotNull @Min(1) @Max(100_000_000) Long priceFen,
            @NotNull @Min(0) @Max(10_000_000) Integer stock) {
    }
}
