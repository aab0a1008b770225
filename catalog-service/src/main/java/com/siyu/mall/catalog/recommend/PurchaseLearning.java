package com.siyu.mall.catalog.recommend;

import com.siyu.mall.contracts.order.OrderLine;
import com.siyu.mall.contracts.order.OrderPaid;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * One paid order → what the member bought ({@code member_purchase}), bought-together pairs ({@code co_purchase},
 * both directions) and the member's preference weights (units bought per tag and per category). All upserts in
 * ascending key order, so concurrent orders touching the same pairs queue instead of deadlocking.
 */
@Component
class PurchaseLearning {

    /** An order with more products than this learns pairs only among the first (by id): pairs grow as n². */
    static final int MAX_PAIRED_PRODUCTS = 20;

    private final JdbcTemplate jdbc;

    PurchaseLearning(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public void learn(OrderPaid paid) {
        Timestamp now = Timestamp.from(Instant.now());
        if (jdbc.update("INSERT IGNORE INTO recommend_learned_order (order_id, learned_at) VALUES (?, ?)",
                paid.orderId(), now) == 0) {
            return; // learnt before
        }
        Map<Long, Integer> units = new TreeMap<>();
        for (OrderLine line : paid.lines()) {
            units.merge(line.spuId(), line.quantity(), Integer::sum);
        }
        if (units.isEmpty()) {
            return;
        }
        Timestamp paidAt = paid.paidAt() == null ? now : Timestamp.from(paid.paidAt());
        jdbc.batchUpdate("""
                INSERT INTO member_purchase (member_id, spu_id, quantity, last_paid_at) VALUES (?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE quantity = quantity + VALUES(quantity),
                                        last_paid_at = GREATEST(last_paid_at, VALUES(last_paid_at))""",
                units.entrySet().stream().map(e -> new Object[] {paid.memberId(), e.getKey(), e.getValue(), paidAt})
                        .toList());
        List<Long> paired = units.keySet().stream().limit(MAX_PAIRED_PRODUCTS).toList();
        List<Object[]> pairs = new ArrayList<>();
        for (Long a : paired) {
            for (Long b : paired) {
                if (!a.equals(b)) {
                    pairs.add(new Object[] {a, b});
                }
            }
        }
        if (!pairs.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO co_purchase (spu_id, other_spu_id, orders) VALUES (?, ?, 1)"
                    + " ON DUPLICATE KEY UPDATE orders = orders + 1", pairs);
        }
        learnPreferences(paid.memberId(), units);
    }

    private void learnPreferences(long memberId, Map<Long, Integer> units) {
        Map<String, Integer> weights = new TreeMap<>(); // "KIND\tvalue" → units
        String in = String.join(",", java.util.Collections.nCopies(units.size(), "?"));
        Object[] ids = units.keySet().toArray();
        jdbc.query("SELECT id, category_id FROM spu WHERE id IN (" + in + ") AND category_id IS NOT NULL", rs -> {
            weights.merge("CATEGORY\t" + rs.getLong(2), units.get(rs.getLong(1)), Integer::sum);
        }, ids);
        jdbc.query("SELECT spu_id, tag FROM spu_tag WHERE spu_id IN (" + in + ")", rs -> {
            weights.merge("TAG\t" + rs.getString(2), units.get(rs.getLong(1)), Integer::sum);
        }, ids);
        if (weights.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("INSERT INTO member_preference (member_id, kind, value, weight) VALUES (?, ?, ?, ?)"
                + " ON DUPLICATE KEY UPDATE weight = weight + VALUES(weight)",
                weights.entrySet().stream().map(e -> {
                    String[] kv = e.getKey().split("\t", 2);
                    return new Object[] {memberId, kv[0], kv[1], e.getValue()};
                }).toList());
    }
}
