package com.siyu.mall.catalog.audience;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Lock-free reads of {@code member_spu_purchase} for quotes; the reservation batch owns the writes. */
@Component
public class PurchaseCounts {

    private final JdbcTemplate jdbc;

    PurchaseCounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Units of each product the member holds in live or paid orders (absent = 0). */
    public Map<Long, Integer> held(long memberId, Collection<Long> spuIds) {
        Map<Long, Integer> held = new HashMap<>();
        if (spuIds.isEmpty()) {
            return held;
        }
        jdbc.query("SELECT spu_id, quantity FROM member_spu_purchase WHERE member_id = ? AND spu_id IN ("
                + String.join(",", java.util.Collections.nCopies(spuIds.size(), "?")) + ")", rs -> {
                    held.put(rs.getLong(1), rs.getInt(2));
                }, args(memberId, spuIds));
        return held;
    }

    private static Object[] args(long memberId, Collection<Long> spuIds) {
        Object[] args = new Object[spuIds.size() + 1];
        args[0] = memberId;
        int i = 1;
        for (Long id : spuIds) {
            args[i++] = id;
        }
        return args;
    }
}
