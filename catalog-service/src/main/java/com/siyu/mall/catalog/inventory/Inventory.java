package com.siyu.mall.catalog.inventory;

import com.siyu.mall.common.event.Topics;
import com.siyu.mall.common.outbox.Outbox;
import com.siyu.mall.contracts.catalog.InventoryReservationFailed;
import com.siyu.mall.contracts.catalog.InventoryReserved;
import com.siyu.mall.contracts.catalog.StockLow;
import com.siyu.mall.common.error.MallException;
import java.util.HashSet;
import java.util.Set;
import com.siyu.mall.contracts.order.OrderLine;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Authoritative stock. Every change is a conditional update under row locks taken in ascending SKU order (so
 * two multi-SKU orders can never deadlock) and writes a ledger row; per order, reserve / release / confirm are
 * idempotent through the {@code stock_reservation} row, which records what was decided.
 */
@Service
public class Inventory {

    private static final Logger log = LoggerFactory.getLogger(Inventory.class);
    static final String AGGREGATE = "Inventory";
    /** Adjustments never take available above this (INT column, with room to spare). */
    static final int MAX_AVAILABLE = 1_000_000_000;

    private record Locked(int available, int threshold) {
    }

    private final JdbcTemplate jdbc;
    private final Outbox outbox;

    Inventory(JdbcTemplate jdbc, Outbox outbox) {
        this.jdbc = jdbc;
        this.outbox = outbox;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void addInitialStock(long skuId, int quantity, String actor) {
        jdbc.update("INSERT INTO sku_stock (sku_id, available, reserved, sold, updated_at) VALUES (?, ?, 0, 0, ?)",
                skuId, quantity, now());
        ledger(skuId, null, "RESTOCK", quantity, 0, 0, "initial stock", actor);
    }

    /** Reserves every line of the order or none; publishes InventoryReserved or InventoryReservationFailed. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void reserve(long orderId, List<OrderLine> lines) {
        if (status(orderId).isPresent()) {
            return; // already decided (or cancelled before we got here): nothing to do twice
        }
        Map<Long, Integer> wanted = new TreeMap<>();
        lines.forEach(l -> wanted.merge(l.skuId(), l.quantity(), Integer::sum));
        Map<Long, Locked> locked = lock(List.copyOf(wanted.keySet()));
        Set<Long> onSale = onSale(List.copyOf(wanted.keySet()));
        List<Long> unknown = wanted.keySet().stream()
                .filter(id -> !locked.containsKey(id) || !onSale.contains(id)).toList();
        List<Long> short_ = wanted.entrySet().stream()
                .filter(e -> !unknown.contains(e.getKey()) && locked.get(e.getKey()).available() < e.getValue())
                .map(Map.Entry::getKey).toList();
        if (!unknown.isEmpty() || !short_.isEmpty()) {
            insertReservation(orderId, "FAILED");
            String reason = unknown.isEmpty() ? "OUT_OF_STOCK" : "SKU_UNAVAILABLE";
            List<Long> skuIds = new ArrayList<>(unknown);
            skuIds.addAll(short_);
            outbox.publish(Topics.CATALOG, AGGREGATE, orderId, new InventoryReservationFailed(orderId, reason, skuIds));
            return;
        }
        wanted.forEach((skuId, quantity) -> {
            int changed = jdbc.update("""
                    UPDATE sku_stock SET available = available - ?, reserved = reserved + ?, updated_at = ?
                    WHERE sku_id = ? AND available >= ?""", quantity, quantity, now(), skuId, quantity);
            if (changed != 1) {
                throw new IllegalStateException("stock of sku " + skuId + " changed under its row lock");
            }
            jdbc.update("INSERT INTO stock_reservation_line (order_id, sku_id, quantity) VALUES (?, ?, ?)",
                    orderId, skuId, quantity);
            ledger(skuId, orderId, "RESERVE", -quantity, quantity, 0, "order " + orderId, "system");
            Locked before = locked.get(skuId);
            alertIfLow(skuId, before.available(), before.available() - quantity, before.threshold());
        });
        insertReservation(orderId, "RESERVED");
        outbox.publish(Topics.CATALOG, AGGREGATE, orderId, new InventoryReserved(orderId));
    }

    /** Gives reserved stock back; a cancellation that arrives before the reservation leaves a tombstone. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void release(long orderId, String reason) {
        Optional<String> status = status(orderId);
        if (status.isEmpty()) {
            insertReservation(orderId, "RELEASED");
            return;
        }
        if (!status.get().equals("RESERVED")) {
            return;
        }
        reservedLines(orderId).forEach((skuId, quantity) -> {
            jdbc.update("""
                    UPDATE sku_stock SET available = available + ?, reserved = reserved - ?, updated_at = ?
                    WHERE sku_id = ? AND reserved >= ?""", quantity, quantity, now(), skuId, quantity);
            ledger(skuId, orderId, "RELEASE", quantity, -quantity, 0, reason, "system");
        });
        updateReservation(orderId, "RELEASED");
    }

    /** Paid: reserved stock becomes sold. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void confirm(long orderId) {
        Optional<String> status = status(orderId);
        if (status.isEmpty() || !status.get().equals("RESERVED")) {
            status.filter(s -> !s.equals("CONFIRMED"))
                    .ifPresent(s -> log.warn("order {} paid while its reservation is {}", orderId, s));
            return;
        }
        reservedLines(orderId).forEach((skuId, quantity) -> {
            jdbc.update("""
                    UPDATE sku_stock SET reserved = reserved - ?, sold = sold + ?, updated_at = ?
                    WHERE sku_id = ? AND reserved >= ?""", quantity, quantity, now(), skuId, quantity);
            ledger(skuId, orderId, "CONFIRM", 0, -quantity, quantity, "order paid", "system");
        });
        updateReservation(orderId, "CONFIRMED");
    }

    private Optional<String> status(long orderId) {
        return jdbc.queryForList("SELECT status FROM stock_reservation WHERE order_id = ? FOR UPDATE", String.class,
                orderId).stream().findFirst();
    }

    /** Locks the SKUs' stock rows in ascending id order and returns their available quantity and threshold. */
    private Map<Long, Locked> lock(List<Long> sortedSkuIds) {
        Map<Long, Locked> locked = new TreeMap<>();
        String in = String.join(",", sortedSkuIds.stream().map(id -> "?").toList());
        jdbc.query("SELECT sku_id, available, low_stock_threshold FROM sku_stock WHERE sku_id IN (" + in
                + ") ORDER BY sku_id FOR UPDATE", rs -> {
                    locked.put(rs.getLong(1), new Locked(rs.getInt(2), rs.getInt(3)));
                }, sortedSkuIds.toArray());
        return locked;
    }

    /**
     * The SKUs whose product is ON_SALE. A plain read: it does not lock the product row, so reservations never
     * queue behind product edits (an unpublish that commits during the reservation does not undo it).
     */
    private Set<Long> onSale(List<Long> skuIds) {
        String in = String.join(",", skuIds.stream().map(id -> "?").toList());
        return new HashSet<>(jdbc.queryForList("SELECT k.id FROM sku k JOIN spu p ON p.id = k.spu_id WHERE k.id IN ("
                + in + ") AND p.status = 'ON_SALE'", Long.class, skuIds.toArray()));
    }

    /** The order's reserved lines, their stock rows locked in ascending SKU order. */
    private Map<Long, Integer> reservedLines(long orderId) {
        Map<Long, Integer> lines = new TreeMap<>();
        jdbc.query("SELECT sku_id, quantity FROM stock_reservation_line WHERE order_id = ? ORDER BY sku_id",
                rs -> {
                    lines.put(rs.getLong(1), rs.getInt(2));
                }, orderId);
        if (!lines.isEmpty()) {
            lock(List.copyOf(lines.keySet()));
        }
        return lines;
    }

    /**
     * Adds {@code delta} (never 0) to a SKU's available stock with a conditional update, so concurrent adjustments
     * can never take it below 0: 404 {@code SKU_NOT_FOUND}, 409 {@code STOCK_INSUFFICIENT} or
     * {@code STOCK_LIMIT_EXCEEDED}, and nothing changes. Writes an ADJUST ledger row.
     */
    @Transactional
    public StockLevels.Level adjust(long skuId, int delta, String reason, String actor) {
        int changed = jdbc.update("""
                UPDATE sku_stock SET available = available + ?, updated_at = ?
                WHERE sku_id = ? AND available + ? >= 0 AND available + ? <= ?""",
                delta, now(), skuId, delta, delta, MAX_AVAILABLE);
        StockLevels.Level after = lockedLevel(skuId)
                .orElseThrow(() -> MallException.notFound("SKU_NOT_FOUND", "no sku " + skuId));
        if (changed != 1) {
            throw after.available() + delta < 0
                    ? MallException.conflict("STOCK_INSUFFICIENT", "sku " + skuId + " has " + after.available()
                            + " available; cannot remove " + -delta)
                    : MallException.conflict("STOCK_LIMIT_EXCEEDED", "available stock stays at most " + MAX_AVAILABLE);
        }
        ledger(skuId, null, "ADJUST", delta, 0, 0, reason, actor);
        alertIfLow(skuId, after.available() - delta, after.available(), after.lowStockThreshold());
        return after;
    }

    /** 0 switches the low-stock alert off. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void setLowStockThreshold(long skuId, int threshold) {
        jdbc.update("UPDATE sku_stock SET low_stock_threshold = ?, updated_at = ? WHERE sku_id = ?", threshold, now(), skuId);
    }

    /** StockLow when a change takes available from at least the threshold to below it (threshold 0 = off). */
    private void alertIfLow(long skuId, int before, int after, int threshold) {
        if (threshold > 0 && before >= threshold && after < threshold) {
            outbox.publish(Topics.CATALOG, AGGREGATE, skuId, new StockLow(skuId, after, threshold));
        }
    }

    private Optional<StockLevels.Level> lockedLevel(long skuId) {
        return jdbc.query("""
                SELECT sku_id, available, reserved, sold, low_stock_threshold FROM sku_stock WHERE sku_id = ? FOR UPDATE""",
                (rs, i) -> new StockLevels.Level(rs.getLong(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5)),
                skuId).stream().findFirst();
    }

    private void insertReservation(long orderId, String status) {
        jdbc.update("INSERT INTO stock_reservation (order_id, status, created_at, updated_at) VALUES (?, ?, ?, ?)",
                orderId, status, now(), now());
    }

    private void updateReservation(long orderId, String status) {
        jdbc.update("UPDATE stock_reservation SET status = ?, updated_at = ? WHERE order_id = ?", status, now(), orderId);
    }

    private void ledger(long skuId, Long orderId, String type, int dAvailable, int dReserved, int dSold, String reason,
            String actor) {
        jdbc.update("""
                INSERT INTO stock_ledger (sku_id, order_id, change_type, delta_available, delta_reserved, delta_sold,
                                          reason, actor, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                skuId, orderId, type, dAvailable, dReserved, dSold, reason, actor, now());
    }

    private static Timestamp now() {
        return Timestamp.from(Instant.now());
    }
}
