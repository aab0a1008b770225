package com.siyu.mall.order.order;

import com.siyu.mall.common.pii.PiiCipher;
import java.time.Instant;
import java.util.List;
import java.util.Map;

final class OrderViews {

    private OrderViews() {
    }

    record PlacedOrder(String orderId, String status) {
    }

    record OrderView(String orderId, String orderNo, String status, String cancelReason, List<LineView> lines,
            long totalFen, long payableFen, AddressView address, Instant createdAt, Instant updatedAt,
            Instant paymentDeadline, Instant paidAt, Instant cancelledAt, String carrier, String trackingNo,
            Instant shippedAt, Instant completedAt) {
    }

    record LineView(String skuId, String spuId, String title, Map<String, String> specs, int quantity,
            long unitPriceFen, String priceRule, long lineTotalFen) {
    }

    /** The phone is masked even for the owner: screenshots of order pages travel. */
    record AddressView(String receiver, String phone, String province, String city, String district, String detail) {
        static AddressView masked(OrderRequests.Address a) {
            return new AddressView(a.receiver(), PiiCipher.maskPhone(a.phone()), a.province(), a.city(), a.district(),
                    a.detail());
        }
    }

    record OrderPage(List<OrderView> items, String nextCursor) {
    }
}
