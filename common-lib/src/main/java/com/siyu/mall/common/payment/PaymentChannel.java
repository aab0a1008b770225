package com.siyu.mall.common.payment;

/**
 * A payment provider (WeChat Pay, Alipay, …). {@link #start} asks the provider to collect the money; the provider
 * answers later with a signed notification that {@link #verify} checks before anything changes.
 *
 * <p>The {@code subjectId} is what the money is for, in the calling service's terms: an order id in order-service, a
 * recharge or card purchase id in member-service. Providers call it the merchant's order reference.
 */
public interface PaymentChannel {

    String name();

    /** Called after the payment row is committed. */
    void start(PaymentRequest request);

    /** Checks signature, freshness and shape; throws a 4xx MallException when the notification must be rejected. */
    Notification verify(String body);

    /** What to collect: the service's payment number, what it pays for, and how much. */
    record PaymentRequest(String paymentNo, long subjectId, long amountFen) {
    }

    record Notification(String paymentNo, long subjectId, long amountFen, String providerTxnId) {
    }
}
