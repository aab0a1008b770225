package com.siyu.mall.catalog.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** Conservation, read from the raw tables: what a stock auditor would check. */
final class StockAssertions {

    private StockAssertions() {
    }

    /** available + reserved + sold = Σ RESTOCK/ADJUST deltas, and each column equals the sum of its ledger deltas. */
    static void assertConserved(JdbcTemplate jdbc, long sku) {
        assertConserved(jdbc, sku, null);
    }

    /** As {@link #assertConserved(JdbcTemplate, long)}, and the stock ever added is {@code added}. */
    static void assertConserved(JdbcTemplate jdbc, long sku, Integer added) {
        Map<String, Object> sums = jdbc.queryForMap("""
                SELECT SUM(delta_available) a, SUM(delta_reserved) r, SUM(delta_sold) s,
                       SUM(CASE WHEN change_type IN ('RESTOCK', 'ADJUST') THEN delta_available ELSE 0 END) added
                FROM stock_ledger WHERE sku_id = ?""", sku);
        Map<String, Object> row = jdbc.queryForMap("SELECT available, reserved, sold FROM sku_stock WHERE sku_id = ?", sku);
        int available = ((Number) row.get("available")).intValue();
        int reserved = ((Number) row.get("reserved")).intValue();
        int sold = ((Number) row.get("sold")).intValue();
        int ledgerAdded = ((Number) sums.get("added")).intValue();
        assertThat(available + reserved + sold).as("available + reserved + sold of " + sku).isEqualTo(ledgerAdded);
        if (added != null) {
            assertThat(ledgerAdded).as("stock ever added to " + sku).isEqualTo(added);
        }
        assertThat(((Number) sums.get("a")).intValue()).as("ledger Δavailable of " + sku).isEqualTo(available);
        assertThat(((Number) sums.get("r")).intValue()).as("ledger Δreserved of " + sku).isEqualTo(reserved);
        assertThat(((Number) sums.get("s")).intValue()).as("ledger Δsold of " + sku).isEqualTo(sold);
    }
}
