package com.siyu.mall.catalog.search;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads what the index needs of on-sale products straight from the catalog tables (no locks). */
@Component
class SearchDocuments {

    private static final String SELECT = """
            SELECT p.id, p.title, p.subtitle, b.name, c.name, p.category_id, p.brand_id, p.audience, p.sort_weight,
                   (SELECT MIN(k.price_fen) FROM sku k WHERE k.spu_id = p.id),
                   (SELECT COALESCE(SUM(s.sold), 0) FROM sku k JOIN sku_stock s ON s.sku_id = k.id WHERE k.spu_id = p.id)
            FROM spu p LEFT JOIN brand b ON b.id = p.brand_id LEFT JOIN category c ON c.id = p.category_id
            WHERE p.status = 'ON_SALE'""";

    private final NamedParameterJdbcTemplate jdbc;

    SearchDocuments(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<ProductDocument> all() {
        Map<Long, List<String>> tags = new HashMap<>();
        jdbc.query("SELECT t.spu_id, t.tag FROM spu_tag t JOIN spu p ON p.id = t.spu_id WHERE p.status = 'ON_SALE'",
                rs -> {
                    tags.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(rs.getString(2));
                });
        return jdbc.query(SELECT, Map.of(), (rs, i) -> row(rs, tags));
    }

    /** The on-sale ones among {@code spuIds}. */
    List<ProductDocument> of(Collection<Long> spuIds) {
        if (spuIds.isEmpty()) {
            return List.of();
        }
        Map<Long, List<String>> tags = new HashMap<>();
        jdbc.query("SELECT spu_id, tag FROM spu_tag WHERE spu_id IN (:ids)", Map.of("ids", spuIds), rs -> {
            tags.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(rs.getString(2));
        });
        return jdbc.query(SELECT + " AND p.id IN (:ids)", Map.of("ids", spuIds), (rs, i) -> row(rs, tags));
    }

    private static ProductDocument row(java.sql.ResultSet rs, Map<Long, List<String>> tags) throws java.sql.SQLException {
        long id = rs.getLong(1);
        return new ProductDocument(id, rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                tags.getOrDefault(id, List.of()), rs.getObject(6, Long.class), rs.getObject(7, Long.class),
                rs.getString(8), rs.getLong(10), rs.getLong(11), rs.getInt(9));
    }
}
