package com.siyu.mall.distribution.paidorder;

import com.siyu.mall.contracts.order.OrderPaid;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The paid orders this service has seen; a repeated OrderPaid for the same order records nothing new. */
@Component
class PaidOrders {

    record PaidOrder(String orderId, String memberId, long payableFen, Instant paidAt) {
    }

    private final JdbcTemplate jdbc;

    PaidOrders(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void record(OrderPaid paid) {
        jdbc.update("""
                INSERT IGNORE INTO paid_order (order_id, member_id, payable_fen, paid_at, recorded_at)
                VALUES (?, ?, ?, ?, ?)""", paid.orderId(), paid.memberId(), paid.payableFen(),
                Timestamp.from(paid.paidAt()), Timestamp.from(Instant.now()));
    }

    Optional<PaidOrder> find(long orderId) {
        return jdbc.query("SELECT order_id, member_id, payable_fen, paid_at FROM paid_order WHERE order_id = ?",
                (rs, i) -> new PaidOrder(rs.getString(1), rs.getString(2), rs.getLong(3),
                        rs.getTimestamp(4).toInstant()), orderId).stream().findFirst();
    }
}
