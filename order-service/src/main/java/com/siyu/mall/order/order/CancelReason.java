package com.siyu.mall.order.order;

public enum CancelReason {
    OUT_OF_STOCK, BY_MEMBER, PAYMENT_TIMEOUT
}
