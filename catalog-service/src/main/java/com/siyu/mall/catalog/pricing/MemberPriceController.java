package com.siyu.mall.catalog.pricing;

import com.siyu.mall.catalog.pricing.MemberPrices.SkuMemberPrices;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class MemberPriceController {

    /** Every level's explicit price; levels not named fall back to the level discount. */
    record MemberPricesRequest(@NotNull @Size(max = 5) Map<@NotNull @Pattern(regexp = "V[0-4]") String,
            @NotNull @Min(1) @Max(100_000_000) Long> prices) {
    }

    private final MemberPrices prices;

    MemberPriceController(MemberPrices prices) {
        this.prices = prices;
    }

    @GetMapping("/admin/v1/skus/{skuId}/member-prices")
    SkuMemberPrices get(@PathVariable long skuId) {
        return prices.get(skuId);
    }

    @PutMapping("/admin/v1/skus/{skuId}/member-prices")
    SkuMemberPrices replace(@PathVariable long skuId, @Valid @RequestBody MemberPricesRequest request) {
        return prices.replace(skuId, request.prices());
    }
}
