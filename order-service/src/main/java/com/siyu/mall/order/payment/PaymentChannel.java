package com.siyu.mall.order.payment;

/**
 * A payment provider (WeChat Pay, Alipay, …). {@link #start} asks the provider to collect the money; the provider
 * answers later with a signed notification that {@link #verify} checks before anything changes.
 */
public interface PaymentChannel {

    String name();

    /** Called after the payment row is committed. */
    void start(Payment payment);

    /** Checks signature, freshness and shape; throws a 4xx MallException when the notification must be rejected. */
    Notification verify(String body);

    record Notification(String paymentNo, long orderId, long amountFen, String providerTxnId) {
    }
}
