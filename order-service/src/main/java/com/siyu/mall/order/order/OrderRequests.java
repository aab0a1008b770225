package com.siyu.mall.order.order;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

final class OrderRequests {

    private OrderRequests() {
    }

    record PlaceOrderRequest(
            @NotEmpty @Size(max = 50) List<@Valid @NotNull Item> items,
            @NotNull @Valid Address address) {
    }

    record Item(@NotNull Long skuId, @NotNull @Min(1) @Max(999) Integer quantity) {
    }

    record Address(
            @NotBlank @Size(max = 32) String receiver,
            @NotBlank @Pattern(regexp = "^1[3-9]\\d{9}$", message = "must be a mainland mobile number") String phone,
            @NotBlank @Size(max = 32) String province,
            @NotBlank @Size(max = 32) String city,
            @NotBlank @Size(max = 32) String district,
            @NotBlank @Size(max = 200) String detail) {
    }
}
