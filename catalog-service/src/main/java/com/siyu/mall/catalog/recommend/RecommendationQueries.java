package com.siyu.mall.catalog.recommend;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The SQL behind {@link Recommendations}: catalog's own tables only. */
@Component
class RecommendationQueries {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Product(long spuId, boolean onSale, String audience, Long categoryId) {
    }

    record Summary(long spuId, String title, String imageUrl, long minPriceFen, String audience,
            Integer perMemberLimit) {
    }

    private final JdbcTemplate jdbc;

    RecommendationQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Product product(long spuId) {
        List<Product> found = jdbc.query("SELECT id, status, audience, category_id FROM spu WHERE id = ?",
                (rs, i) -> new Product(rs.getLong(1), "ON_SALE".equals(rs.getString(2)), rs.getString(3),
                        (Long) rs.getObject(4, Long.class)), spuId);
        return found.isEmpty() ? null : found.get(0);
    }

    List<Long> purchased(long memberId) {
        return jdbc.queryForList("SELECT spu_id FROM member_purchase WHERE member_id = ? ORDER BY last_paid_at DESC"
                + " LIMIT 100", Long.class, memberId);
    }

    List<Long> purchasedSince(long memberId, int days) {
        return jdbc.queryForList("SELECT spu_id FROM member_purchase WHERE member_id = ? AND last_paid_at >= ?",
                Long.class, memberId, Timestamp.from(Instant.now().minus(Duration.ofDays(days))));
    }

    /** Products most often in the same paid order as any of these. */
    List<Long> boughtTogether(List<Long> spuIds, int limit) {
        if (spuIds.isEmpty()) {
            return List.of();
        }
        List<Object> args = new ArrayList<>(spuIds);
        args.add(limit);
        return jdbc.queryForList("SELECT other_spu_id FROM co_purchase WHERE spu_id IN (" + marks(spuIds.size())
                + ") GROUP BY other_spu_id ORDER BY SUM(orders) DESC, other_spu_id DESC LIMIT ?", Long.class,
                args.toArray());
    }

    /** Products carrying the member's preferred tags or in their preferred categories, by summed weight. */
    List<Long> preferred(long memberId, int limit) {
        return jdbc.queryForList("""
                SELECT x.spu_id FROM (
                    SELECT t.spu_id, mp.weight FROM member_preference mp JOIN spu_tag t ON t.tag = mp.value
                    WHERE mp.member_id = ? AND mp.kind = 'TAG'
                    UNION ALL
                    SELECT s.id, mp.weight FROM member_preference mp JOIN spu s ON s.category_id = CAST(mp.value AS SIGNED)
                    WHERE mp.member_id = ? AND mp.kind = 'CATEGORY'
                ) x GROUP BY x.spu_id ORDER BY SUM(x.weight) DESC, x.spu_id DESC LIMIT ?""", Long.class,
                memberId, memberId, limit);
    }

    List<Long> preferredCategories(long memberId) {
        return jdbc.queryForList("SELECT CAST(value AS SIGNED) FROM member_preference WHERE member_id = ?"
                + " AND kind = 'CATEGORY' ORDER BY weight DESC LIMIT 10", Long.class, memberId);
    }

    /** Same category first, then a shared tag. */
    List<Long> similar(long spuId, Long categoryId, int limit) {
        List<Long> ids = new ArrayList<>();
        if (categoryId != null) {
            ids.addAll(jdbc.queryForList("SELECT id FROM spu WHERE category_id = ? AND id <> ? AND status = 'ON_SALE'"
                    + " ORDER BY sort_weight DESC, id DESC LIMIT ?", Long.class, categoryId, spuId, limit));
        }
        ids.addAll(jdbc.queryForList("""
                SELECT o.spu_id FROM spu_tag t JOIN spu_tag o ON o.tag = t.tag AND o.spu_id <> t.spu_id
                WHERE t.spu_id = ? GROUP BY o.spu_id ORDER BY COUNT(*) DESC, o.spu_id DESC LIMIT ?""", Long.class,
                spuId, limit));
        return ids;
    }

    /** On-sale products by units sold (in these categories, or overall when {@code categoryIds} is null). */
    List<Long> popular(List<Long> categoryIds, int limit) {
        if (categoryIds != null && categoryIds.isEmpty()) {
            return List.of();
        }
        List<Object> args = new ArrayList<>();
        String inCategories = "";
        if (categoryIds != null) {
            inCategories = " AND p.category_id IN (" + marks(categoryIds.size()) + ")";
            args.addAll(categoryIds);
        }
        args.add(limit);
        return jdbc.queryForList("SELECT p.id FROM spu p JOIN sku k ON k.spu_id = p.id JOIN sku_stock st ON st.sku_id = k.id"
                + " WHERE p.status = 'ON_SALE'" + inCategories
                + " GROUP BY p.id HAVING SUM(st.available) > 0 ORDER BY SUM(st.sold) DESC, p.id DESC LIMIT ?",
                Long.class, args.toArray());
    }

    /** The candidates that are on sale and in stock, with what a list item shows. */
    Map<Long, Summary> sellable(Collection<Long> spuIds) {
        Map<Long, Summary> found = new HashMap<>();
        if (spuIds.isEmpty()) {
            return found;
        }
        jdbc.query("""
                SELECT p.id, p.title, p.image_urls, MIN(k.price_fen), p.audience, p.per_member_limit
                FROM spu p JOIN sku k ON k.spu_id = p.id JOIN sku_stock st ON st.sku_id = k.id
                WHERE p.id IN (%s) AND p.status = 'ON_SALE'
                GROUP BY p.id, p.title, p.image_urls, p.audience, p.per_member_limit
                HAVING SUM(st.available) > 0""".formatted(marks(spuIds.size())), rs -> {
                    found.put(rs.getLong(1), new Summary(rs.getLong(1), rs.getString(2), firstImage(rs.getString(3)),
                            rs.getLong(4), rs.getString(5), (Integer) rs.getObject(6, Integer.class)));
                }, spuIds.toArray());
        return found;
    }

    private static String firstImage(String imageUrls) {
        if (imageUrls == null || imageUrls.isBlank()) {
            return null;
        }
        var node = JSON.readTree(imageUrls);
        return node.isArray() && !node.isEmpty() ? node.get(0).asString() : null;
    }

    private static String marks(int n) {
        return String.join(",", java.util.Collections.nCopies(n, "?"));
    }
}
