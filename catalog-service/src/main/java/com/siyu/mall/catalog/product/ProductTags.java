package com.siyu.mall.catalog.product;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Preference tags, one {@code spu_tag} row per (product, tag). */
@Component
class ProductTags {

    private final NamedParameterJdbcTemplate jdbc;

    ProductTags(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void replace(long spuId, List<String> tags) {
        jdbc.update("DELETE FROM spu_tag WHERE spu_id = :spuId", Map.of("spuId", spuId));
        tags.forEach(tag -> jdbc.update("INSERT INTO spu_tag (spu_id, tag) VALUES (:spuId, :tag)",
                Map.of("spuId", spuId, "tag", tag)));
    }

    Map<Long, List<String>> of(List<Long> spuIds) {
        Map<Long, List<String>> tags = new HashMap<>();
        if (!spuIds.isEmpty()) {
            jdbc.query("SELECT spu_id, tag FROM spu_tag WHERE spu_id IN (:ids) ORDER BY spu_id, tag",
                    Map.of("ids", spuIds), rs -> {
                        tags.computeIfAbsent(rs.getLong(1), id -> new java.util.ArrayList<>()).add(rs.getString(2));
                    });
        }
        return tags;
    }
}
