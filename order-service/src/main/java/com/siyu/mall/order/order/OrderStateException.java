package com.siyu.mall.order.order;

import com.siyu.mall.common.error.MallException;
import org.springframework.http.HttpStatus;

/** An illegal move of the order state machine: a 409 for the caller, never a silent change. */
public class OrderStateException extends MallException {

    OrderStateException(long orderId, OrderStatus from, String move) {
        super(HttpStatus.CONFLICT, "ORDER_STATE_CONFLICT", "order " + orderId + " is " + from + " and cannot " + move);
    }
}
