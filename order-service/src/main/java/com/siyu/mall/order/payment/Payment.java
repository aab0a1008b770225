package com.siyu.mall.order.payment;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.Instant;

/**
 * One attempt to pay an order through a channel. PENDING until the provider's signed notification: SUCCEEDED;
 * PAID_AFTER_CLOSE when money arrived for an order that was already cancelled or paid (refund it).
 */
@TableName("payment")
public class Payment {

    /** FAILED: the channel refused before taking money (a wallet without enough balance); paying again may succeed. */
    public enum Status { PENDING, SUCCEEDED, PAID_AFTER_CLOSE, FAILED }

    @TableId(type = IdType.ASSIGN_ID)
    private Long id;
    private String paymentNo;
    private Long orderId;
    private Long memberId;
    private String channel;
    private Long amountFen;
    private Status status;
    private String idempotencyKey;
    private String providerTxnId;
    private Instant paidAt;
    private Instant createdAt;
    private Instant updatedAt;

    static Payment start(long id, long orderId, long memberId, String channel, long amountFen, String idempotencyKey) {
        Payment p = new Payment();
        p.id = id;
        p.paymentNo = "P" + id;
        p.orderId = orderId;
        p.memberId = memberId;
        p.channel = channel;
        p.amountFen = amountFen;
        p.status = Status.PENDING;
        p.idempotencyKey = idempotencyKey;
        p.createdAt = Instant.now();
        p.updatedAt = p.createdAt;
        return p;
    }

    void settle(String providerTxnId, boolean orderAccepted, Instant now) {
        this.providerTxnId = providerTxnId;
        this.status = orderAccepted ? Status.SUCCEEDED : Status.PAID_AFTER_CLOSE;
        this.paidAt = now;
        this.updatedAt = now;
    }

    boolean isSettled() {
        return status == Status.SUCCEEDED || status == Status.PAID_AFTER_CLOSE;
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getPaymentNo() { return paymentNo; }
    public void setPaymentNo(String paymentNo) { this.paymentNo = paymentNo; }
    public Long getOrderId() { return orderId; }
    public void setOrderId(Long orderId) { this.orderId = orderId; }
    public Long getMemberId() { return memberId; }
    public void setMemberId(Long memberId) { this.memberId = memberId; }
    public String getChannel() { return channel; }
    public void setChannel(String channel) { this.channel = channel; }
    public Long getAmountFen() { return amountFen; }
    public void setAmountFen(Long amountFen) { this.amountFen = amountFen; }
    public Status getStatus() { return status; }
    public void setStatus(Status status) { this.status = status; }
    public String getIdempotencyKey() { return idempotencyKey; }
    public void setIdempotencyKey(String idempotencyKey) { this.idempotencyKey = idempotencyKey; }
    public String getProviderTxnId() { return providerTxnId; }
    public void setProviderTxnId(String providerTxnId) { this.providerTxnId = providerTxnId; }
    public Instant getPaidAt() { return paidAt; }
    public void setPaidAt(Instant paidAt) { this.paidAt = paidAt; }
    public Instant getCreatedAt() { return createdAt; }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt; }
}
