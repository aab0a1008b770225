package com.siyu.mall.member.level;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** Admin create (code required) and update (code taken from the path) of a level. */
record LevelRequest(
        @Pattern(regexp = "^V\\d{1,2}$", message = "must be V followed by the tier number, e.g. V5") String code,
        @NotBlank @Size(max = 32) String name,
        @NotNull @PositiveOrZero @Max(1_000_000_000_000L) Long growthThreshold,
        @NotNull @Min(0) @Max(90) Integer discountPercent,
        @NotNull @DecimalMin("0.00") @DecimalMax("10.00") @Digits(integer = 2, fraction = 2) BigDecimal pointsMultiplier,
        @NotNull Boolean freeShipping,
        @Positive Long birthdayCouponTemplateId) {

    Tier toTier(String code) {
        return new Tier(code, name.trim(), growthThreshold, discountPercent, pointsMultiplier, freeShipping,
                birthdayCouponTemplateId);
    }
}
