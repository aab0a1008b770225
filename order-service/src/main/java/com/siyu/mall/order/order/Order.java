package com.siyu.mall.order.order;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * The order aggregate: it guards its own transitions (ARCHITECTURE §5) and rejects illegal moves with
 * {@link OrderStateException}. Application services load it under a row lock, call one method, save it and
 * write the resulting event to the outbox.
 */
@TableName("sales_order")
public class Order {

    @TableId(type = IdType.ASSIGN_ID)
    private Long id;
    private String orderNo;
    private Long memberId;
    private OrderStatus status;
    private CancelReason cancelReason;
    private Long totalFen;
    private Long payableFen;
    private String addressCipher;
    private String idempotencyKey;
    private Instant paymentDeadline;
    private Instant paidAt;
    private Instant cancelledAt;
    private String carrier;
    private String trackingNo;
    private Instant shippedAt;
    private Instant completedAt;
    private Instant createdAt;
    private Instant updatedAt;
    private Integer version;

    public static Order place(long id, String orderNo, long memberId, String idempotencyKey, long totalFen,
            String addressCipher, Instant now) {
        Order order = new Order();
        order.id = id;
        order.orderNo = orderNo;
        order.memberId = memberId;
        order.idempotencyKey = idempotencyKey;
        order.totalFen = totalFen;
        order.payableFen = totalFen;
        order.addressCipher = addressCipher;
        order.status = OrderStatus.PENDING_STOCK;
        order.createdAt = now;
        order.updatedAt = now;
        order.version = 0;
        return order;
    }

    /** Catalog reserved every line: the member may pay until the deadline. */
    public void markReserved(Instant now, Duration paymentTimeout) {
        require(EnumSet.of(OrderStatus.PENDING_STOCK), "await payment");
        status = OrderStatus.AWAITING_PAYMENT;
        paymentDeadline = now.plus(paymentTimeout);
        touch(now);
    }

    public void markPaid(Instant now) {
        require(EnumSet.of(OrderStatus.AWAITING_PAYMENT), "be paid");
        status = OrderStatus.PAID;
        paidAt = now;
        touch(now);
    }

    public void cancel(CancelReason reason, Instant now) {
        Set<OrderStatus> from = switch (reason) {
            case OUT_OF_STOCK -> EnumSet.of(OrderStatus.PENDING_STOCK);
            case PAYMENT_TIMEOUT -> EnumSet.of(OrderStatus.AWAITING_PAYMENT);
            case BY_MEMBER -> EnumSet.of(OrderStatus.PENDING_STOCK, OrderStatus.AWAITING_PAYMENT);
        };
        require(from, "be cancelled (" + reason + ")");
        status = OrderStatus.CANCELLED;
        cancelReason = reason;
        cancelledAt = now;
        touch(now);
    }

    public void ship(String carrier, String trackingNo, Instant now) {
        require(EnumSet.of(OrderStatus.PAID), "be shipped");
        status = OrderStatus.SHIPPED;
        this.carrier = carrier;
        this.trackingNo = trackingNo;
        shippedAt = now;
        touch(now);
    }

    /** The member confirmed receipt, or the confirmation window passed. */
    public void complete(Instant now) {
        require(EnumSet.of(OrderStatus.SHIPPED), "be completed");
        status = OrderStatus.COMPLETED;
        completedAt = now;
        touch(now);
    }

    public boolean isAutoConfirmDue(Instant now, Duration window) {
        return status == OrderStatus.SHIPPED && shippedAt != null && !now.isBefore(shippedAt.plus(window));
    }

    public boolean isPaymentOverdue(Instant now) {
        return status == OrderStatus.AWAITING_PAYMENT && paymentDeadline != null && !now.isBefore(paymentDeadline);
    }

    private void require(Set<OrderStatus> allowed, String move) {
        if (!allowed.contains(status)) {
            throw new OrderStateException(id == null ? 0 : id, status, move);
        }
    }

    private void touch(Instant now) {
        updatedAt = now;
        version = version == null ? 1 : version + 1;
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getOrderNo() { return orderNo; }
    public void setOrderNo(String orderNo) { this.orderNo = orderNo; }
    public Long getMemberId() { return memberId; }
    public void setMemberId(Long memberId) { this.memberId = memberId; }
    public OrderStatus getStatus() { return status; }
    public void setStatus(OrderStatus status) { this.status = status; }
    public CancelReason getCancelReason() { return cancelReason; }
    public void setCancelReason(CancelReason cancelReason) { this.cancelReason = cancelReason; }
    public Long getTotalFen() { return totalFen; }
    public void setTotalFen(Long totalFen) { this.totalFen = totalFen; }
    public Long getPayableFen() { return payableFen; }
    public void setPayableFen(Long payableFen) { this.payableFen = payableFen; }
    public String getAddressCipher() { return addressCipher; }
    public void setAddressCipher(String addressCipher) { this.addressCipher = addressCipher; }
    public String getIdempotencyKey() { return idempotencyKey; }
    public void setIdempotencyKey(String idempotencyKey) { this.idempotencyKey = idempotencyKey; }
    public Instant getPaymentDeadline() { return paymentDeadline; }
    public void setPaymentDeadline(Instant paymentDeadline) { this.paymentDeadline = paymentDeadline; }
    public Instant getPaidAt() { return paidAt; }
    public void setPaidAt(Instant paidAt) { this.paidAt = paidAt; }
    public Instant getCancelledAt() { return cancelledAt; }
    public void setCancelledAt(Instant cancelledAt) { this.cancelledAt = cancelledAt; }
    public String getCarrier() { return carrier; }
    public void setCarrier(String carrier) { this.carrier = carrier; }
    public String getTrackingNo() { return trackingNo; }
    public void setTrackingNo(String trackingNo) { this.trackingNo = trackingNo; }
    public Instant getShippedAt() { return shippedAt; }
    public void setShippedAt(Instant shippedAt) { this.shippedAt = shippedAt; }
    public Instant getCompletedAt() { return completedAt; }
    public void setCompletedAt(Instant completedAt) { this.completedAt = completedAt; }
    public Instant getCreatedAt() { return createdAt; }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt; }
    public Integer getVersion() { return version; }
    public void setVersion(Integer version) { this.version = version; }
}
