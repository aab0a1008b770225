package com.siyu.mall.catalog.inventory;

import com.siyu.mall.catalog.audience.AudienceRules;
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
        PurchaseLimits limits = purchaseLimits(fresh, wantedSkus, stored);
        Set<Long> skuIds = new TreeSet<>(wantedSkus);
        stored.values().forEach(o -> skuIds.addAll(o.lines.keySet()));
        Allocation allocation = new Allocation(lockStock(skuIds, onSale(wantedSkus)), stored, limits);
        fresh.forEach(event -> decide(allocation, event));
        write(allocation);
        write(limits);
        return fresh.size();
    }

    private void decide(Allocation allocation, Object event) {
        if (event instanceof OrderCreated created) {
            allocation.created(created.orderId(), created.memberId(), created.lines());
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

    /**
     * Per-member limits of limited products: which wanted SKUs are limited, what the batch's live reservations
     * counted, and the involved counter rows, locked in ascending (member, product) like the stock rows. As with
     * reservations, only existing rows are locked; a missing one is inserted at the end, and a concurrent insert
     * of the same (member, product) fails this batch on the key, so the replay sees and respects it.
     */
    private PurchaseLimits purchaseLimits(List<Object> fresh, Set<Long> wantedSkus, Map<Long, OrderState> stored) {
        Map<Long, PurchaseLimits.Limited> limited = limitedSkus(wantedSkus);
        List<Long> live = stored.values().stream().filter(o -> o.status.equals("RESERVED")).map(o -> o.orderId)
                .toList();
        Map<Long, List<PurchaseLimits.Counted>> counted = new TreeMap<>();
        if (!live.isEmpty()) {
            jdbc.query("SELECT order_id, member_id, spu_id, quantity FROM member_spu_purchase_order WHERE order_id IN ("
                    + marks(live.size()) + ")", rs -> {
                        counted.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new PurchaseLimits.Counted(
                                rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getInt(4)));
                    }, live.toArray());
        }
        Set<PurchaseLimits.Key> keys = new TreeSet<>();
        counted.values().forEach(list -> list.forEach(c -> keys.add(new PurchaseLimits.Key(c.memberId(), c.spuId()))));
        for (Object event : fresh) {
            if (event instanceof OrderCreated created) {
                created.lines().stream().map(l -> limited.get(l.skuId())).filter(java.util.Objects::nonNull)
                        .forEach(l -> keys.add(new PurchaseLimits.Key(created.memberId(), l.spuId())));
            }
        }
        return new PurchaseLimits(limited, lockCounters(keys), counted);
    }

    private Map<Long, PurchaseLimits.Limited> limitedSkus(Set<Long> skuIds) {
        Map<Long, PurchaseLimits.Limited> limited = new TreeMap<>();
        if (skuIds.isEmpty()) {
            return limited;
        }
        jdbc.query("SELECT k.id, p.id, p.audience, p.per_member_limit FROM sku k JOIN spu p ON p.id = k.spu_id"
                + " WHERE k.id IN (" + marks(skuIds.size()) + ") AND p.audience = ?", rs -> {
                    Integer limit = AudienceRules.limit(rs.getString(3), (Integer) rs.getObject(4, Integer.class));
                    limited.put(rs.getLong(1), new PurchaseLimits.Limited(rs.getLong(2), limit));
                }, append(skuIds, AudienceRules.NEW_MEMBERS_ONLY));
        return limited;
    }

    private Map<PurchaseLimits.Key, Integer> lockCounters(Set<PurchaseLimits.Key> keys) {
        Map<PurchaseLimits.Key, Integer> counters = new TreeMap<>();
        if (keys.isEmpty()) {
            return counters;
        }
        String where = String.join(" OR ", java.util.Collections.nCopies(keys.size(), "(member_id = ? AND spu_id = ?)"));
        Object[] args = keys.stream().flatMap(k -> java.util.stream.Stream.of(k.memberId(), k.spuId())).toArray();
        List<PurchaseLimits.Key> existing = jdbc.query("SELECT member_id, spu_id FROM member_spu_purchase WHERE " + where,
                (rs, i) -> new PurchaseLimits.Key(rs.getLong(1), rs.getLong(2)), args);
        if (existing.isEmpty()) {
            return counters;
        }
        List<PurchaseLimits.Key> sorted = existing.stream().sorted().toList();
        jdbc.query("SELECT member_id, spu_id, quantity FROM member_spu_purchase WHERE "
                + String.join(" OR ", java.util.Collections.nCopies(sorted.size(), "(member_id = ? AND spu_id = ?)"))
                + " ORDER BY member_id, spu_id FOR UPDATE", rs -> {
                    counters.put(new PurchaseLimits.Key(rs.getLong(1), rs.getLong(2)), rs.getInt(3));
                }, sorted.stream().flatMap(k -> java.util.stream.Stream.of(k.memberId(), k.spuId())).toArray());
        return counters;
    }

    private void write(PurchaseLimits limits) {
        Timestamp now = now();
        batch("INSERT INTO member_spu_purchase (member_id, spu_id, quantity, updated_at) VALUES (?, ?, ?, ?)",
                limits.counters().entrySet().stream().filter(e -> e.getValue().changed && !e.getValue().stored)
                        .map(e -> new Object[] {e.getKey().memberId(), e.getKey().spuId(), e.getValue().quantity, now})
                        .toList());
        batch("UPDATE member_spu_purchase SET quantity = ?, updated_at = ? WHERE member_id = ? AND spu_id = ?",
                limits.counters().entrySet().stream().filter(e -> e.getValue().changed && e.getValue().stored)
                        .map(e -> new Object[] {e.getValue().quantity, now, e.getKey().memberId(), e.getKey().spuId()})
                        .toList());
        batch("INSERT INTO member_spu_purchase_order (order_id, member_id, spu_id, quantity) VALUES (?, ?, ?, ?)",
                limits.counted().stream().map(c -> new Object[] {c.orderId(), c.memberId(), c.spuId(), c.quantity()})
                        .toList());
    }

    private static Object[] append(Set<Long> ids, Object last) {
        List<Object> args = new ArrayList<>(ids);
        args.add(last);
        return args.toArray();
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
