package com.siyu.mall.contracts.catalog;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** {@code POST /internal/catalog/price-quotes}: the only source of prices for orders. */
public record PriceQuoteRequest(Long memberId, @NotEmpty @Size(max = 100) List<@Valid Line> lines) {

    public record Line(@NotNull Long skuId, @NotNull @Min(1) @Max(999) Integer quantity) {
    }
}
