package com.siyu.mall.catalog.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import com.siyu.mall.catalog.inventory.Allocation.Emitted;
import com.siyu.mall.catalog.inventory.Allocation.SkuState;
import com.siyu.mall.contracts.catalog.InventoryReservationFailed;
import com.siyu.mall.contracts.catalog.InventoryReserved;
import com.siyu.mall.contracts.catalog.StockLow;
import com.siyu.mall.contracts.order.OrderLine;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class AllocationTest {

    private static final long HOT = 10;
    private static final long OTHER = 20;
    private static final long OFF_SALE = 30;

    @Test
    void allocatesOrderByOrderEachAllOrNothing() {
        Allocation a = allocation(5, 1, 0);
        a.created(1, List.of(line(HOT, 3)));
        a.created(2, List.of(line(HOT, 1), line(OTHER, 2))); // OTHER has 1: nothing of order 2 is taken
        a.created(3, List.of(line(HOT, 2)));
        a.created(4, List.of(line(HOT, 1)));

        assertThat(outcomes(a)).containsExactly("1:InventoryReserved", "2:InventoryReservationFailed",
                "3:InventoryReserved", "4:InventoryReservationFailed");
        assertThat(a.skus().get(HOT).available).isZero();
        assertThat(a.skus().get(HOT).reserved).isEqualTo(5);
        assertThat(a.skus().get(OTHER).changed).isFalse();
        assertThat(a.orders().get(2L).status).isEqualTo("FAILED");
        assertThat(a.orders().get(2L).lines).isEmpty();
        assertThat(a.ledger()).hasSize(2);
    }

    @Test
    void unavailableSkusFailBeforeShortOnes() {
        Allocation a = allocation(5, 0, 0);
        a.created(1, List.of(line(OTHER, 1), line(OFF_SALE, 1), line(404, 1)));
        InventoryReservationFailed failed = (InventoryReservationFailed) a.emitted().get(0).payload();
        assertThat(failed.reason()).isEqualTo("SKU_UNAVAILABLE");
        assertThat(failed.skuIds()).containsExactly(OFF_SALE, 404L, OTHER);
    }

    @Test
    void cancelAfterCreateInTheSameBatchReleasesAndCancelFirstLeavesATombstone() {
        Allocation a = allocation(5, 0, 0);
        a.created(1, List.of(line(HOT, 2)));
        a.cancelled(1, "order cancelled: BY_MEMBER");
        a.cancelled(2, "order cancelled: BY_MEMBER");
        a.created(2, List.of(line(HOT, 2)));
        a.created(1, List.of(line(HOT, 2))); // a repeated OrderCreated changes nothing

        assertThat(a.skus().get(HOT).available).isEqualTo(5);
        assertThat(a.skus().get(HOT).reserved).isZero();
        assertThat(a.orders().get(1L).status).isEqualTo("RELEASED");
        assertThat(a.orders().get(1L).newLines).isTrue();
        assertThat(a.orders().get(2L).status).isEqualTo("RELEASED");
        assertThat(a.orders().get(2L).lines).isEmpty();
        assertThat(outcomes(a)).containsExactly("1:InventoryReserved");
    }

    @Test
    void paymentConfirmsOnlyALiveReservation() {
        Allocation a = allocation(5, 0, 0);
        a.created(1, List.of(line(HOT, 2)));
        assertThat(a.paid(1)).isEqualTo("RESERVED");
        assertThat(a.paid(1)).isEqualTo("CONFIRMED");
        a.cancelled(1, "late");
        assertThat(a.paid(9)).isNull();
        assertThat(List.of(a.skus().get(HOT).available, a.skus().get(HOT).reserved, a.skus().get(HOT).sold))
                .containsExactly(3, 0, 2);
    }

    @Test
    void stockLowOncePerCrossingWithinABatch() {
        Allocation a = allocation(6, 0, 5);
        a.created(1, List.of(line(HOT, 2))); // 6 → 4: crosses
        a.created(2, List.of(line(HOT, 1))); // 4 → 3: stays below
        a.cancelled(1, "r"); // 3 → 5: back up
        a.created(3, List.of(line(HOT, 1))); // 5 → 4: crosses again
        List<Object> lows = a.emitted().stream().map(Emitted::payload).filter(StockLow.class::isInstance).toList();
        assertThat(lows).containsExactly(new StockLow(HOT, 4, 5), new StockLow(HOT, 4, 5));
    }

    private static Allocation allocation(int hot, int other, int hotThreshold) {
        Map<Long, SkuState> skus = new TreeMap<>();
        skus.put(HOT, new SkuState(HOT, hot, 0, 0, hotThreshold, true));
        skus.put(OTHER, new SkuState(OTHER, other, 0, 0, 0, true));
        skus.put(OFF_SALE, new SkuState(OFF_SALE, 9, 0, 0, 0, false));
        return new Allocation(skus, Map.of());
    }

    private static List<String> outcomes(Allocation a) {
        return a.emitted().stream().filter(e -> e.payload() instanceof InventoryReserved
                || e.payload() instanceof InventoryReservationFailed)
                .map(e -> e.aggregateId() + ":" + e.payload().getClass().getSimpleName()).toList();
    }

    private static OrderLine line(long sku, int quantity) {
        return new OrderLine(sku, 1, quantity, 100);
    }
}
