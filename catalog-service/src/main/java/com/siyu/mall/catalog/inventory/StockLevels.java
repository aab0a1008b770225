package com.siyu.mall.catalog.inventory;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads of stock levels and the ledger (no locks). */
@Component
public class StockLevels {

    public record Level(long skuId, int available, int reserved, int sold, int lowStockThreshold) {
    }

    public record Item(long skuId, long spuId, Level level) {
    }

    public record LedgerEntry(long id, String changeType, int deltaAvailable, int deltaReserved, int deltaSold,
            Long orderId, String reason, String actor, Instant createdAt) {
    }

    private static final String LEVEL_COLUMNS = "s.sku_id, s.available, s.reserved, s.sold, s.low_stock_threshold";
    private static final RowMapper<Level> LEVEL = (rs, i) -> new Level(rs.getLong(1), rs.getInt(2), rs.getInt(3),
            rs.getInt(4), rs.getInt(5));

    private final NamedParameterJdbcTemplate jdbc;

    StockLevels(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Map<Long, Integer> available(List<Long> skuIds) {
        Map<Long, Integer> result = new HashMap<>();
        levels(skuIds).forEach((id, level) -> result.put(id, level.available()));
        return result;
    }

    public Map<Long, Level> levels(List<Long> skuIds) {
        Map<Long, Level> result = new HashMap<>();
        if (!skuIds.isEmpty()) {
            jdbc.query("SELECT " + LEVEL_COLUMNS + " FROM sku_stock s WHERE s.sku_id IN (:ids)", Map.of("ids", skuIds),
                    LEVEL).forEach(l -> result.put(l.skuId(), l));
        }
        return result;
    }

    public Optional<Level> level(long skuId) {
        return jdbc.query("SELECT " + LEVEL_COLUMNS + " FROM sku_stock s WHERE s.sku_id = :id", Map.of("id", skuId),
                LEVEL).stream().findFirst();
    }

    /** SKUs by ascending id after {@code cursor}; with {@code lowStock}, only those below their (non-zero) threshold. */
    List<Item> page(boolean lowStock, Long cursor, int limit) {
        String sql = "SELECT " + LEVEL_COLUMNS + ", k.spu_id FROM sku_stock s JOIN sku k ON k.id = s.sku_id WHERE 1 = 1"
                + (lowStock ? " AND s.low_stock_threshold > 0 AND s.available < s.low_stock_threshold" : "")
                + (cursor != null ? " AND s.sku_id > :cursor" : "")
                + " ORDER BY s.sku_id LIMIT :limit";
        Map<String, Object> params = new HashMap<>();
        params.put("cursor", cursor);
        params.put("limit", limit);
        return jdbc.query(sql, params, (rs, i) -> new Item(rs.getLong(1), rs.getLong(6), LEVEL.mapRow(rs, i)));
    }

    /** Newest first, before ledger row {@code cursor}. */
    List<LedgerEntry> ledger(long skuId, Long cursor, int limit) {
        Map<String, Object> params = new HashMap<>();
        params.put("skuId", skuId);
        params.put("cursor", cursor);
        params.put("limit", limit);
        return jdbc.query("""
                SELECT id, change_type, delta_available, delta_reserved, delta_sold, order_id, reason, actor, created_at
                FROM stock_ledger WHERE sku_id = :skuId""" + (cursor != null ? " AND id < :cursor" : "")
                + " ORDER BY id DESC LIMIT :limit", params, (rs, i) -> new LedgerEntry(rs.getLong(1), rs.getString(2),
                rs.getInt(3), rs.getInt(4), rs.getInt(5), (Long) rs.getObject(6, Long.class), rs.getString(7),
                rs.getString(8), rs.getTimestamp(9).toInstant()));
    }
}
