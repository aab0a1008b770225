package com.siyu.mall.order.order;

public enum OrderStatus {
    PENDING_STOCK, AWAITING_PAYMENT, PAID, SHIPPED, COMPLETED, CANCELLED
}
