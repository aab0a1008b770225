package com.siyu.mall.catalog.inventory;

import com.siyu.mall.common.event.Topics;
import com.siyu.mall.common.outbox.Outbox;
import com.siyu.mall.contracts.catalog.StockLow;
import com.siyu.mall.common.error.MallException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Authoritative stock outside the order saga: initial stock, admin adjustments (one conditional update each) and
 * thresholds, each change with a ledger row. Reservation, release and confirmation are {@link OrderEventBatch}'s.
 */
@Service
public class Inventory {

    static final String AGGREGATE = "Inventory";
    /** Adjustments never take available above this (INT column, with room to spare). */
    static final int MAX_AVAILABLE = 1_000_000_000;

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
