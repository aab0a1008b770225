package com.siyu.mall.catalog.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import com.siyu.mall.catalog.inventory.Allocation.SkuState;
import com.siyu.mall.catalog.inventory.PurchaseLimits.Counted;
import com.siyu.mall.catalog.inventory.PurchaseLimits.Key;
import com.siyu.mall.catalog.inventory.PurchaseLimits.Limited;
import com.siyu.mall.contracts.catalog.InventoryReservationFailed;
import com.siyu.mall.contracts.order.OrderLine;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The reservation side of NEW_MEMBERS_ONLY limits, decided in the batch alongside stock. */
class PurchaseLimitsTest {

    private static final long GIFT_SKU = 10;
    private static final long GIFT_SPU = 100;
    private static final long PLAIN_SKU = 20;
    private static final long NEW_MEMBER = 7;

    @Test
    void secondOrderOfOneNewMemberInOneBatchFailsWithItsOwnReason() {
        Allocation a = allocation(Map.of(), Map.of());
        a.created(1, NEW_MEMBER, List.of(line(GIFT_SKU, 1)));
        a.created(2, NEW_MEMBER, List.of(line(GIFT_SKU, 1), line(PLAIN_SKU, 1)));
        a.created(3, 8, List.of(line(GIFT_SKU, 1))); // another member has their own allowance

        assertThat(a.orders().get(1L).status).isEqualTo("RESERVED");
        assertThat(a.orders().get(2L).status).isEqualTo("FAILED");
        assertThat(a.orders().get(3L).status).isEqualTo("RESERVED");
        InventoryReservationFailed failed = (InventoryReservationFailed) a.emitted().get(1).payload();
        assertThat(failed.reason()).isEqualTo("NEW_MEMBER_LIMIT_EXCEEDED");
        assertThat(failed.skuIds()).containsExactly(GIFT_SKU);
        assertThat(a.skus().get(PLAIN_SKU).changed).isFalse();
    }

    @Test
    void countsAgainstStoredCounterAndReleaseGivesTheAllowanceBack() {
        Key key = new Key(NEW_MEMBER, GIFT_SPU);
        PurchaseLimits limits = new PurchaseLimits(Map.of(GIFT_SKU, new Limited(GIFT_SPU, 2)), Map.of(key, 1),
                Map.of(9L, List.of(new Counted(9, NEW_MEMBER, GIFT_SPU, 1))));
        Map<Long, SkuState> skus = skus();
        skus.get(GIFT_SKU).reserved = 1; // order 9's unit
        Allocation a = new Allocation(skus, new TreeMap<>(Map.of(9L, new Allocation.OrderState(9, "RESERVED",
                new TreeMap<>(Map.of(GIFT_SKU, 1))))), limits);
        a.created(1, NEW_MEMBER, List.of(line(GIFT_SKU, 2))); // 1 held + 2 > 2
        assertThat(a.orders().get(1L).status).isEqualTo("FAILED");

        a.cancelled(9, "order cancelled: BY_MEMBER");
        a.created(2, NEW_MEMBER, List.of(line(GIFT_SKU, 2)));
        assertThat(a.orders().get(2L).status).isEqualTo("RESERVED");
        assertThat(limits.counters().get(key).quantity).isEqualTo(2);
        assertThat(limits.counters().get(key).stored).isTrue();
        assertThat(limits.counted()).containsExactly(new Counted(2, NEW_MEMBER, GIFT_SPU, 2));
    }

    @Test
    void stockShortageAfterTheLimitPassesIsStillOutOfStock() {
        Allocation a = allocation(Map.of(), Map.of());
        a.created(1, NEW_MEMBER, List.of(line(PLAIN_SKU, 50)));
        assertThat(((InventoryReservationFailed) a.emitted().get(0).payload()).reason()).isEqualTo("OUT_OF_STOCK");
    }

    private static Allocation allocation(Map<Key, Integer> stored, Map<Long, List<Counted>> counted) {
        return new Allocation(skus(), new TreeMap<>(),
                new PurchaseLimits(Map.of(GIFT_SKU, new Limited(GIFT_SPU, 1)), stored, counted));
    }

    private static Map<Long, SkuState> skus() {
        Map<Long, SkuState> skus = new TreeMap<>();
        skus.put(GIFT_SKU, new SkuState(GIFT_SKU, 10, 0, 0, 0, true));
        skus.put(PLAIN_SKU, new SkuState(PLAIN_SKU, 10, 0, 0, 0, true));
        return skus;
    }

    private static OrderLine line(long skuId, int quantity) {
        return new OrderLine(skuId, skuId == GIFT_SKU ? GIFT_SPU : 200, quantity, 100);
    }
}
