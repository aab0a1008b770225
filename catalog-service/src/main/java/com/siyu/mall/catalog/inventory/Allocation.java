package com.siyu.mall.catalog.inventory;

import com.siyu.mall.contracts.catalog.InventoryReservationFailed;
import com.siyu.mall.contracts.catalog.InventoryReserved;
import com.siyu.mall.contracts.catalog.StockLow;
import com.siyu.mall.contracts.order.OrderLine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One batch of order events decided in memory, in arrival order, against stock rows the caller has locked.
 * The same rules as the per-order path in {@link Inventory}: a reservation is all or nothing, a cancellation
 * before its creation leaves a tombstone, payment confirms only a live reservation. No Spring, no SQL: the caller
 * loads the state, applies the events and writes {@link #skus()}, {@link #orders()}, {@link #ledger()} and
 * {@link #emitted()} in one transaction.
 */
final class Allocation {

    /** A locked stock row; {@code onSale} says whether its product may be reserved. */
    static final class SkuState {
        final long skuId;
        final int threshold;
        final boolean onSale;
        int available;
        int reserved;
        int sold;
        boolean changed;

        SkuState(long skuId, int available, int reserved, int sold, int threshold, boolean onSale) {
            this.skuId = skuId;
            this.available = available;
            this.reserved = reserved;
            this.sold = sold;
            this.threshold = threshold;
            this.onSale = onSale;
        }
    }

    /** An order's reservation: {@code stored} when the row exists already, {@code lines} only when reserved here. */
    static final class OrderState {
        final long orderId;
        final boolean stored;
        final Map<Long, Integer> lines;
        String status;
        boolean changed;
        boolean newLines;

        OrderState(long orderId, String status, Map<Long, Integer> lines) {
            this.orderId = orderId;
            this.stored = status != null;
            this.status = status;
            this.lines = lines;
        }
    }

    record LedgerRow(long skuId, long orderId, String type, int deltaAvailable, int deltaReserved, int deltaSold,
            String reason) {
    }

    /** An event for the outbox: aggregate id (order or SKU) and payload. */
    record Emitted(long aggregateId, Object payload) {
    }

    private final Map<Long, SkuState> skus;
    private final PurchaseLimits limits;
    private final Map<Long, OrderState> orders = new LinkedHashMap<>();
    private final List<LedgerRow> ledger = new ArrayList<>();
    private final List<Emitted> emitted = new ArrayList<>();

    /**
     * @param skus   the locked stock rows (absent = unknown SKU)
     * @param stored status and reserved lines of the orders that already have a reservation row
     */
    Allocation(Map<Long, SkuState> skus, Map<Long, OrderState> stored) {
        this(skus, stored, PurchaseLimits.none());
    }

    /** @param limits the per-member limits of limited products, decided in the same pass */
    Allocation(Map<Long, SkuState> skus, Map<Long, OrderState> stored, PurchaseLimits limits) {
        this.skus = skus;
        this.limits = limits;
        this.orders.putAll(stored);
    }

    void created(long orderId, List<OrderLine> lines) {
        created(orderId, 0, lines);
    }

    /**
     * Reserves every line or none. Failure reasons, first match: SKU_UNAVAILABLE, NEW_MEMBER_LIMIT_EXCEEDED (the
     * member would hold more units of a limited product than it allows), OUT_OF_STOCK.
     */
    void created(long orderId, long memberId, List<OrderLine> lines) {
        if (status(orderId) != null) {
            return; // decided before, or a tombstone: a second OrderCreated changes nothing
        }
        Map<Long, Integer> wanted = new TreeMap<>();
        lines.forEach(l -> wanted.merge(l.skuId(), l.quantity(), Integer::sum));
        List<Long> unavailable = wanted.keySet().stream()
                .filter(id -> !skus.containsKey(id) || !skus.get(id).onSale).toList();
        List<Long> short_ = wanted.entrySet().stream()
                .filter(e -> !unavailable.contains(e.getKey()) && skus.get(e.getKey()).available < e.getValue())
                .map(Map.Entry::getKey).toList();
        OrderState order = newOrder(orderId, wanted);
        List<Long> overLimit = unavailable.isEmpty() ? limits.exceeding(memberId, wanted) : List.of();
        if (unavailable.isEmpty() && !overLimit.isEmpty()) {
            order.status = "FAILED";
            order.lines.clear();
            emitted.add(new Emitted(orderId,
                    new InventoryReservationFailed(orderId, "NEW_MEMBER_LIMIT_EXCEEDED", overLimit)));
            return;
        }
        if (!unavailable.isEmpty() || !short_.isEmpty()) {
            order.status = "FAILED";
            order.lines.clear();
            List<Long> skuIds = new ArrayList<>(unavailable);
            skuIds.addAll(short_);
            String reason = unavailable.isEmpty() ? "OUT_OF_STOCK" : "SKU_UNAVAILABLE";
            emitted.add(new Emitted(orderId, new InventoryReservationFailed(orderId, reason, skuIds)));
            return;
        }
        wanted.forEach((skuId, quantity) -> {
            SkuState sku = skus.get(skuId);
            int before = sku.available;
            move(sku, -quantity, quantity, 0);
            ledger.add(new LedgerRow(skuId, orderId, "RESERVE", -quantity, quantity, 0, "order " + orderId));
            alertIfLow(sku, before);
        });
        limits.count(orderId, memberId, wanted);
        order.status = "RESERVED";
        order.newLines = true;
        emitted.add(new Emitted(orderId, new InventoryReserved(orderId)));
    }

    void cancelled(long orderId, String reason) {
        String status = status(orderId);
        if (status == null) {
            newOrder(orderId, new TreeMap<>()).status = "RELEASED"; // tombstone: a later OrderCreated reserves nothing
            return;
        }
        if (!status.equals("RESERVED")) {
            return;
        }
        OrderState order = orders.get(orderId);
        order.lines.forEach((skuId, quantity) -> {
            move(skus.get(skuId), quantity, -quantity, 0);
            ledger.add(new LedgerRow(skuId, orderId, "RELEASE", quantity, -quantity, 0, reason));
        });
        limits.release(orderId);
        order.status = "RELEASED";
        order.changed = true;
    }

    /** Returns the status the payment found (null when none), so the caller can warn about late payments. */
    String paid(long orderId) {
        String status = status(orderId);
        if (!"RESERVED".equals(status)) {
            return status;
        }
        OrderState order = orders.get(orderId);
        order.lines.forEach((skuId, quantity) -> {
            move(skus.get(skuId), 0, -quantity, quantity);
            ledger.add(new LedgerRow(skuId, orderId, "CONFIRM", 0, -quantity, quantity, "order paid"));
        });
        order.status = "CONFIRMED";
        order.changed = true;
        return status;
    }

    private String status(long orderId) {
        OrderState order = orders.get(orderId);
        return order == null ? null : order.status;
    }

    private OrderState newOrder(long orderId, Map<Long, Integer> lines) {
        OrderState order = new OrderState(orderId, null, lines);
        order.changed = true;
        orders.put(orderId, order);
        return order;
    }

    private static void move(SkuState sku, int available, int reserved, int sold) {
        sku.available += available;
        sku.reserved += reserved;
        sku.sold += sold;
        if (sku.available < 0 || sku.reserved < 0 || sku.sold < 0) {
            throw new IllegalStateException("stock of sku " + sku.skuId + " would go negative");
        }
        sku.changed = true;
    }

    /** StockLow once per crossing, as {@link Inventory} does it, evaluated change by change within the batch. */
    private void alertIfLow(SkuState sku, int before) {
        if (sku.threshold > 0 && before >= sku.threshold && sku.available < sku.threshold) {
            emitted.add(new Emitted(sku.skuId, new StockLow(sku.skuId, sku.available, sku.threshold)));
        }
    }

    Map<Long, SkuState> skus() {
        return skus;
    }

    Map<Long, OrderState> orders() {
        return orders;
    }

    List<LedgerRow> ledger() {
        return ledger;
    }

    List<Emitted> emitted() {
        return emitted;
    }
}
