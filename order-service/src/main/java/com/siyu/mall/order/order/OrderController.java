package com.siyu.mall.order.order;

import com.siyu.mall.common.security.CurrentUser;
import com.siyu.mall.order.order.OrderRequests.PlaceOrderRequest;
import com.siyu.mall.order.order.OrderViews.OrderPage;
import com.siyu.mall.order.order.OrderViews.OrderView;
import com.siyu.mall.order.order.OrderViews.PlacedOrder;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class OrderController {

    private final OrderService orders;

    OrderController(OrderService orders) {
        this.orders = orders;
    }

    @PostMapping("/api/v1/orders")
    @ResponseStatus(HttpStatus.ACCEPTED)
    PlacedOrder place(@RequestHeader("Idempotency-Key") @Size(min = 1, max = 64) String idempotencyKey,
            @Valid @RequestBody PlaceOrderRequest request) {
        return orders.place(CurrentUser.memberId(), idempotencyKey, request);
    }

    @GetMapping("/api/v1/orders/{orderId}")
    OrderView get(@PathVariable long orderId) {
        return orders.find(CurrentUser.memberId(), orderId);
    }

    @GetMapping("/api/v1/orders")
    OrderPage list(@RequestParam(required = false) Long cursor,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        return orders.list(CurrentUser.memberId(), cursor, limit);
    }

    @PostMapping("/api/v1/orders/{orderId}/receipt")
    OrderView confirmReceipt(@PathVariable long orderId) {
        return orders.confirmReceipt(CurrentUser.memberId(), orderId);
    }

    @GetMapping("/admin/v1/orders/{orderId}")
    OrderView adminGet(@PathVariable long orderId) {
        return orders.findAny(orderId);
    }

    @PostMapping("/admin/v1/orders/{orderId}/shipments")
    OrderView ship(@PathVariable long orderId, @Valid @RequestBody ShipRequest request) {
        return orders.ship(orderId, request.carrier(), request.trackingNo());
    }

    record ShipRequest(@NotBlank @Size(max = 32) String carrier, @NotBlank @Size(max = 64) String trackingNo) {
    }

    @PostMapping("/api/v1/orders/{orderId}/cancel")
    OrderView cancel(@PathVariable long orderId) {
        return orders.cancelByMember(CurrentUser.memberId(), orderId);
    }
}
