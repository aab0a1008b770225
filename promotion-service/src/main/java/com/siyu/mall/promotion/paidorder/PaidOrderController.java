package com.siyu.mall.promotion.paidorder;

import com.siyu.mall.common.error.MallException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class PaidOrderController {

    private final PaidOrders paidOrders;

    PaidOrderController(PaidOrders paidOrders) {
        this.paidOrders = paidOrders;
    }

    /** Operators check that this service saw an order's payment. */
    @GetMapping("/admin/v1/promotions/paid-orders/{orderId}")
    PaidOrders.PaidOrder get(@PathVariable long orderId) {
        return paidOrders.find(orderId)
                .orElseThrow(() -> MallException.notFound("PAID_ORDER_NOT_FOUND", "no paid order " + orderId + " seen"));
    }
}
