package com.siyu.mall.catalog.inventory;

import com.siyu.mall.catalog.inventory.Allocation.OrderState;
import com.siyu.mall.catalog.inventory.Allocation.SkuState;
import com.siyu.mall.common.event.EventEnvelope;
import com.siyu.mall.common.event.EventJson;
import com.siyu.mall.common.event.Topics;
import com.siyu.mall.common.outbox.Outbox;
import com.siyu.mall.contracts.order.OrderCancelled;
import com.siyu.mall.contracts.order.OrderCreated;
import com.siyu.mall.contracts.order.OrderPaid;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies a batch of order events in ONE transaction: each event id once (inbox), each order decided once
 * ({@code stock_reservation}), each involved stock row locked once in ascending SKU id (so batches on different
 * partitions never deadlock), decisions made in memory by {@link Allocation} in arrival order, and every effect
 * written with JDBC batch statements. A hot SKU then costs one lock and one UPDATE per batch instead of per order.
 */
@Component
class OrderEventBatch {

    private static final Logger log = LoggerFactory.getLogger(OrderEventBatch.class);
    private static final Set<String> HANDLED = Set.of("OrderCreated", "OrderCancelled", "OrderPaid");

    private final JdbcTemplate jdbc;
    private final EventJson events;
    private final Outbox outbox;

    OrderEventBatch(JdbcTemplate jdbc, EventJson events, Outbox outbox) {
        this.jdbc = jdbc;
        this.events = events;
        this.outbox = outbox;
    }

    /** Returns how many events had an effect (the others were redeliveries or not for us). */
    @Transactional
    public int apply(List<EventEnvelope> batch) {
        List<Object> fresh = unprocessed(batch).stream().map(this::payload).toList();
        if (fresh.isEmpty()) {
            return 0;
        }
        Set<Long> orderIds = new TreeSet<>();
        Set<Long> wantedSkus = new TreeSet<>();
        for (Object event : fresh) {
            orderIds.add(orderId(event));
            if (event instanceof OrderCreated created) {
                created.lines().forEach(l -> wantedSkus.add(l.skuId()));
            }
        }
        Map<Long, OrderState> stored = storedReservations(orderIds);
        Set<Long> skuIds = new TreeSet<>(wantedSkus);
        stored.values().forEach(o -> skuIds.addAll(o.lines.keySet()));
        Allocation allocation = new Allocation(lockStock(skuIds, onSale(wantedSkus)), stored);
        fresh.forEach(event -> decide(allocation, event));
        write(allocation);
        return fresh.size();
    }

    private void decide(Allocation allocation, Object event) {
        if (event instanceof OrderCreated created) {
            allocation.created(created.orderId(), created.lines());
        } else if (event instanceof OrderCancelled cancelled) {
            allocation.cancelled(cancelled.orderId(), "order cancelled: " + cancelled.reason());
        } else if (event instanceof OrderPaid paid) {
            String found = allocation.paid(paid.orderId());
            if (found != null && !found.equals("RESERVED") && !found.equals("CONFIRMED")) {
                log.warn("order {} paid while its reservation is {}", paid.orderId(), found);
            }
        }
    }

    /**
     * The batch's handled events whose id is new, first occurrence only, recorded in the inbox. A concurrent
     * consumer recording the same id (a rebalance) makes the insert fail and the whole batch retry.
     */
    private List<EventEnvelope> unprocessed(List<EventEnvelope> batch) {
        Map<String, EventEnvelope> byId = new LinkedHashMap<>();
        batch.stream().filter(e -> HANDLED.contains(e.eventType())).forEach(e -> byId.putIfAbsent(e.eventId(), e));
        if (byId.isEmpty()) {
            return List.of();
        }
        List<String> seen = jdbc.queryForList("SELECT event_id FROM processed_event WHERE event_id IN ("
                + marks(byId.size()) + ")", String.class, byId.keySet().toArray());
        seen.forEach(byId::remove);
        Timestamp now = now();
        batch("INSERT INTO processed_event (event_id, event_type, processed_at) VALUES (?, ?, ?)",
                byId.values().stream().map(e -> new Object[] {e.eventId(), e.eventType(), now}).toList());
        return List.copyOf(byId.values());
    }

    /**
     * Existing reservations, locked, with the lines of those still RESERVED. Only rows that exist are locked
     * (a locking read of a missing key would take a gap lock that deadlocks with other partitions' inserts);
     * a missing row is inserted later, and a concurrent insert of the same order fails the batch on its key.
     */
    private Map<Long, OrderState> storedReservations(Set<Long> orderIds) {
        List<Long> existing = jdbc.queryForList("SELECT order_id FROM stock_reservation WHERE order_id IN ("
                + marks(orderIds.size()) + ")", Long.class, orderIds.toArray());
        Map<Long, OrderState> stored = new TreeMap<>();
        if (existing.isEmpty()) {
            return stored;
        }
        jdbc.query("SELECT order_id, status FROM stock_reservation WHERE order_id IN (" + marks(existing.size())
                + ") ORDER BY order_id FOR UPDATE", rs -> {
                    stored.put(rs.getLong(1), new OrderState(rs.getLong(1), rs.getString(2), new TreeMap<>()));
                }, existing.toArray());
        List<Long> reserved = stored.values().stream().filter(o -> o.status.equals("RESERVED")).map(o -> o.orderId)
                .toList();
        if (!reserved.isEmpty()) {
            jdbc.query("SELECT order_id, sku_id, quantity FROM stock_reservation_line WHERE order_id IN ("
                    + marks(reserved.size()) + ")", rs -> {
                        stored.get(rs.getLong(1)).lines.put(rs.getLong(2), rs.getInt(3));
                    }, reserved.toArray());
        }
        return stored;
    }

    /** Locks every involved stock row once, in ascending SKU id. */
    private Map<Long, SkuState> lockStock(Set<Long> skuIds, Set<Long> onSale) {
        Map<Long, SkuState> skus = new TreeMap<>();
        if (skuIds.isEmpty()) {
            return skus;
        }
        jdbc.query("SELECT sku_id, available, reserved, sold, low_stock_threshold FROM sku_stock WHERE sku_id IN ("
                + marks(skuIds.size()) + ") ORDER BY sku_id FOR UPDATE", rs -> {
                    long id = rs.getLong(1);
                    skus.put(id, new SkuState(id, rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5),
                            onSale.contains(id)));
                }, skuIds.toArray());
        return skus;
    }

    /** As in {@link Inventory}: a plain read, so reservations never queue behind product edits. */
    private Set<Long> onSale(Set<Long> skuIds) {
        if (skuIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.queryForList("SELECT k.id FROM sku k JOIN spu p ON p.id = k.spu_id WHERE k.id IN ("
                + marks(skuIds.size()) + ") AND p.status = 'ON_SALE'", Long.class, skuIds.toArray()));
    }

    private void write(Allocation allocation) {
        Timestamp now = now();
        batch("""
                UPDATE sku_stock SET available = ?, reserved = ?, sold = ?, updated_at = ? WHERE sku_id = ?""",
                allocation.skus().values().stream().filter(s -> s.changed)
                        .map(s -> new Object[] {s.available, s.reserved, s.sold, now, s.skuId}).toList());
        Collection<OrderState> orders = allocation.orders().values();
        batch("INSERT INTO stock_reservation (order_id, status, created_at, updated_at) VALUES (?, ?, ?, ?)",
                orders.stream().filter(o -> o.changed && !o.stored)
                        .map(o -> new Object[] {o.orderId, o.status, now, now}).toList());
        batch("UPDATE stock_reservation SET status = ?, updated_at = ? WHERE order_id = ?",
                orders.stream().filter(o -> o.changed && o.stored)
                        .map(o -> new Object[] {o.status, now, o.orderId}).toList());
        List<Object[]> lines = new ArrayList<>();
        orders.stream().filter(o -> o.newLines).forEach(o -> o.lines.forEach(
                (skuId, quantity) -> lines.add(new Object[] {o.orderId, skuId, quantity})));
        batch("INSERT INTO stock_reservation_line (order_id, sku_id, quantity) VALUES (?, ?, ?)", lines);
        batch("""
                INSERT INTO stock_ledger (sku_id, order_id, change_type, delta_available, delta_reserved, delta_sold,
                                          reason, actor, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'system', ?)""",
                allocation.ledger().stream().map(r -> new Object[] {r.skuId(), r.orderId(), r.type(),
                        r.deltaAvailable(), r.deltaReserved(), r.deltaSold(), r.reason(), now}).toList());
        publish(allocation.emitted());
    }

    /** One INSERT round trip per event was the largest cost left once the stock row was locked only once. */
    private void publish(List<Allocation.Emitted> emitted) {
        outbox.publishAll(Topics.CATALOG, Inventory.AGGREGATE,
                emitted.stream().map(e -> new Outbox.Pending(e.aggregateId(), e.payload())).toList());
    }

    private Object payload(EventEnvelope event) {
        return switch (event.eventType()) {
            case "OrderCreated" -> events.payload(event, OrderCreated.class);
            case "OrderCancelled" -> events.payload(event, OrderCancelled.class);
            default -> events.payload(event, OrderPaid.class);
        };
    }

    private static long orderId(Object event) {
        if (event instanceof OrderCreated created) {
            return created.orderId();
        }
        return event instanceof OrderCancelled cancelled ? cancelled.orderId() : ((OrderPaid) event).orderId();
    }

    private void batch(String sql, List<Object[]> rows) {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(sql, rows);
        }
    }

    private static String marks(int n) {
        return String.join(",", java.util.Collections.nCopies(n, "?"));
    }

    private static Timestamp now() {
        return Timestamp.from(Instant.now());
    }
}
