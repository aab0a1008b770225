package com.siyu.mall.catalog.inventory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads of stock levels (no locks). */
@Component
public class StockLevels {

    public record Level(long skuId, int available, int reserved, int sold) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    StockLevels(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Map<Long, Integer> available(List<Long> skuIds) {
        Map<Long, Integer> result = new HashMap<>();
        if (!skuIds.isEmpty()) {
            jdbc.query("SELECT sku_id, available FROM sku_stock WHERE sku_id IN (:ids)", Map.of("ids", skuIds),
                    rs -> {
                        result.put(rs.getLong(1), rs.getInt(2));
                    });
        }
        return result;
    }

    public Optional<Level> level(long skuId) {
        return jdbc.query("SELECT sku_id, available, reserved, sold FROM sku_stock WHERE sku_id = :id",
                Map.of("id", skuId),
                (rs, i) -> new Level(rs.getLong(1), rs.getInt(2), rs.getInt(3), rs.getInt(4))).stream().findFirst();
    }
}
