package com.siyu.mall.catalog.product;

import com.siyu.mall.catalog.product.ListingCursor.Sort;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The public listing query: filters, sort and keyset pagination on (sort key, id). A product's price is its
 * cheapest SKU's and its sales are the units sold over its SKUs, both computed per query (fine at today's size;
 * the search part of issue 4 moves listing to an index).
 */
@Component
class ProductListing {

    record Filter(String keyword, List<Long> categoryIds, Long brandId, String tag, Long minPriceFen,
            Long maxPriceFen, boolean member) {
    }

    record Row(long spuId, String title, String subtitle, String imageUrls, long minPriceFen, long sales) {

        long key(Sort sort) {
            return switch (sort) {
                case NEWEST -> spuId;
                case PRICE_ASC, PRICE_DESC -> minPriceFen;
                case SALES -> sales;
            };
        }
    }

    /** Units available and sold over a product's SKUs. */
    record StockSum(long available, long sold) {
    }

    private static final String ROW_COLUMNS = """
            p.id, p.title, p.subtitle, p.image_urls,
                   (SELECT MIN(k.price_fen) FROM sku k WHERE k.spu_id = p.id) AS min_price_fen,
                   (SELECT COALESCE(SUM(s.sold), 0) FROM sku k JOIN sku_stock s ON s.sku_id = k.id
                     WHERE k.spu_id = p.id) AS sales""";

    private final NamedParameterJdbcTemplate jdbc;

    ProductListing(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Up to {@code limit} rows after {@code cursor}, in {@code sort} order, then id descending. */
    List<Row> page(Filter filter, Sort sort, ListingCursor cursor, int limit) {
        Map<String, Object> params = new HashMap<>();
        List<String> inner = new ArrayList<>(List.of("p.status = 'ON_SALE'"));
        if (!filter.member()) {
            inner.add("p.audience = 'PUBLIC'");
        }
        if (filter.keyword() != null && !filter.keyword().isBlank()) {
            inner.add("p.title LIKE :keyword");
            params.put("keyword", "%" + escapeLike(filter.keyword().strip()) + "%");
        }
        if (filter.categoryIds() != null) {
            inner.add("p.category_id IN (:categoryIds)");
            params.put("categoryIds", filter.categoryIds());
        }
        if (filter.brandId() != null) {
            inner.add("p.brand_id = :brandId");
            params.put("brandId", filter.brandId());
        }
        if (filter.tag() != null && !filter.tag().isBlank()) {
            inner.add("EXISTS (SELECT 1 FROM spu_tag t WHERE t.spu_id = p.id AND t.tag = :tag)");
            params.put("tag", filter.tag().strip());
        }
        List<String> outer = new ArrayList<>(List.of("1 = 1"));
        if (filter.minPriceFen() != null) {
            outer.add("x.min_price_fen >= :minPriceFen");
            params.put("minPriceFen", filter.minPriceFen());
        }
        if (filter.maxPriceFen() != null) {
            outer.add("x.min_price_fen <= :maxPriceFen");
            params.put("maxPriceFen", filter.maxPriceFen());
        }
        String column = switch (sort) {
            case NEWEST -> "x.id";
            case PRICE_ASC, PRICE_DESC -> "x.min_price_fen";
            case SALES -> "x.sales";
        };
        String direction = sort == Sort.PRICE_ASC ? "ASC" : "DESC";
        if (cursor != null) {
            outer.add(sort == Sort.NEWEST ? "x.id < :cursorId"
                    : "(" + column + (sort == Sort.PRICE_ASC ? " > " : " < ") + ":cursorKey OR (" + column
                            + " = :cursorKey AND x.id < :cursorId))");
            params.put("cursorKey", cursor.key());
            params.put("cursorId", cursor.id());
        }
        params.put("limit", limit);
        String sql = """
                SELECT x.id, x.title, x.subtitle, x.image_urls, x.min_price_fen, x.sales FROM (
                  SELECT p.id, p.title, p.subtitle, p.image_urls,
                         (SELECT MIN(k.price_fen) FROM sku k WHERE k.spu_id = p.id) AS min_price_fen,
                         (SELECT COALESCE(SUM(s.sold), 0) FROM sku k JOIN sku_stock s ON s.sku_id = k.id
                           WHERE k.spu_id = p.id) AS sales
                  FROM spu p WHERE %s
                ) x WHERE %s
                ORDER BY %s %s, x.id DESC LIMIT :limit""".formatted(String.join(" AND ", inner),
                String.join(" AND ", outer), column, direction);
        return jdbc.query(sql, params, (rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getLong(5), rs.getLong(6)));
    }

    /** The rows of these products that are ON_SALE and visible to the caller (search hits), by id. */
    Map<Long, Row> rows(List<Long> spuIds, boolean member) {
        Map<Long, Row> rows = new HashMap<>();
        if (!spuIds.isEmpty()) {
            jdbc.query("SELECT " + ROW_COLUMNS + " FROM spu p WHERE p.id IN (:ids) AND p.status = 'ON_SALE'"
                    + (member ? "" : " AND p.audience = 'PUBLIC'"), Map.of("ids", spuIds), (rs, i) -> new Row(
                    rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5), rs.getLong(6)))
                    .forEach(r -> rows.put(r.spuId(), r));
        }
        return rows;
    }

    Map<Long, StockSum> stock(List<Long> spuIds) {
        Map<Long, StockSum> sums = new HashMap<>();
        if (!spuIds.isEmpty()) {
            jdbc.query("""
                    SELECT k.spu_id, COALESCE(SUM(s.available), 0), COALESCE(SUM(s.sold), 0)
                    FROM sku k JOIN sku_stock s ON s.sku_id = k.id WHERE k.spu_id IN (:ids) GROUP BY k.spu_id""",
                    Map.of("ids", spuIds), rs -> {
                        sums.put(rs.getLong(1), new StockSum(rs.getLong(2), rs.getLong(3)));
                    });
        }
        return sums;
    }

    private static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
