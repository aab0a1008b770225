package com.siyu.mall.member.points;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

record ReservationRequest(@NotNull @Positive Long orderId, @NotNull @Positive @Max(100_000_000) Long points) {
}
