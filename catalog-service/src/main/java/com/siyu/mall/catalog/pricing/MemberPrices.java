package com.siyu.mall.catalog.pricing;

import com.siyu.mall.common.error.MallException;
import com.siyu.mall.common.event.Topics;
import com.siyu.mall.common.outbox.Outbox;
import com.siyu.mall.contracts.catalog.PriceChanged;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Explicit per-level SKU prices ({@code sku_member_price}): admin replace and the reads the quote needs. */
@Component
public class MemberPrices {

    /** The same aggregate as the product's other events, so PriceChanged stays ordered with them. */
    private static final String AGGREGATE = "Product";

    public record SkuMemberPrices(String skuId, long priceFen, Map<String, Long> memberPrices) {
    }

    private final JdbcTemplate jdbc;
    private final Outbox outbox;

    MemberPrices(JdbcTemplate jdbc, Outbox outbox) {
        this.jdbc = jdbc;
        this.outbox = outbox;
    }

    /** The explicit prices of these SKUs for one level (absent = none). */
    public Map<Long, Long> forLevel(Collection<Long> skuIds, String levelCode) {
        Map<Long, Long> prices = new HashMap<>();
        if (skuIds.isEmpty() || levelCode == null) {
            return prices;
        }
        jdbc.query("SELECT sku_id, price_fen FROM sku_member_price WHERE level_code = ? AND sku_id IN ("
                + String.join(",", java.util.Collections.nCopies(skuIds.size(), "?")) + ")",
                rs -> {
                    prices.put(rs.getLong(1), rs.getLong(2));
                }, concat(levelCode, skuIds));
        return prices;
    }

    SkuMemberPrices get(long skuId) {
        long[] sku = sku(skuId, false);
        return new SkuMemberPrices(String.valueOf(skuId), sku[1], stored(skuId));
    }

    /**
     * Replaces the SKU's explicit level prices (an empty map removes them all). The SKU row is locked, so this
     * serialises with list-price edits; each level whose price changed emits one PriceChanged with its levelCode.
     */
    @Transactional
    SkuMemberPrices replace(long skuId, Map<String, Long> prices) {
        long[] sku = sku(skuId, true);
        prices.forEach((level, price) -> {
            if (price > sku[1]) {
                throw MallException.badRequest("PRICE_INVALID", "member price " + price + " for " + level
                        + " is above the list price " + sku[1]);
            }
        });
        Map<String, Long> before = stored(skuId);
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("DELETE FROM sku_member_price WHERE sku_id = ?", skuId);
        jdbc.batchUpdate("INSERT INTO sku_member_price (sku_id, level_code, price_fen, updated_at) VALUES (?, ?, ?, ?)",
                new TreeMap<>(prices).entrySet().stream()
                        .map(e -> new Object[] {skuId, e.getKey(), e.getValue(), now}).toList());
        TreeSet<String> levels = new TreeSet<>(before.keySet());
        levels.addAll(prices.keySet());
        for (String level : levels) {
            long old = before.getOrDefault(level, 0L);
            long now_ = prices.getOrDefault(level, 0L);
            if (old != now_) {
                outbox.publish(Topics.CATALOG, AGGREGATE, sku[0], new PriceChanged(skuId, sku[0], old, now_, level));
            }
        }
        return new SkuMemberPrices(String.valueOf(skuId), sku[1], new TreeMap<>(prices));
    }

    private Map<String, Long> stored(long skuId) {
        Map<String, Long> prices = new TreeMap<>();
        jdbc.query("SELECT level_code, price_fen FROM sku_member_price WHERE sku_id = ?",
                rs -> {
                    prices.put(rs.getString(1), rs.getLong(2));
                }, skuId);
        return prices;
    }

    /** {spuId, priceFen} of the SKU, or 404 SKU_NOT_FOUND. */
    private long[] sku(long skuId, boolean lock) {
        List<long[]> found = jdbc.query("SELECT spu_id, price_fen FROM sku WHERE id = ?" + (lock ? " FOR UPDATE" : ""),
                (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}, skuId);
        if (found.isEmpty()) {
            throw MallException.notFound("SKU_NOT_FOUND", "no sku " + skuId);
        }
        return found.get(0);
    }

    private static Object[] concat(Object first, Collection<Long> rest) {
        Object[] args = new Object[rest.size() + 1];
        args[0] = first;
        int i = 1;
        for (Long id : rest) {
            args[i++] = id;
        }
        return args;
    }
}
