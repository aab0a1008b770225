package com.siyu.mall.order.order;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Cancels unpaid orders past their deadline (PAYMENT_TIMEOUT). Safe with several replicas: each order is
 * re-checked under its row lock, so a payment that lands at the same moment wins or loses cleanly.
 */
@Component
class PaymentTimeoutJob {

    private static final Logger log = LoggerFactory.getLogger(PaymentTimeoutJob.class);

    private final JdbcTemplate jdbc;
    private final OrderService orders;

    PaymentTimeoutJob(JdbcTemplate jdbc, OrderService orders) {
        this.jdbc = jdbc;
        this.orders = orders;
    }

    @Scheduled(fixedDelayString = "${mall.order.timeout-sweep-interval:PT5S}")
    void cancelOverdue() {
        List<Long> overdue = jdbc.queryForList("""
                SELECT id FROM sales_order WHERE status = 'AWAITING_PAYMENT' AND payment_deadline <= ?
                ORDER BY payment_deadline LIMIT 500""", Long.class, Timestamp.from(Instant.now()));
        int cancelled = 0;
        for (long id : overdue) {
            try {
                cancelled += orders.cancelIfOverdue(id) ? 1 : 0;
            } catch (RuntimeException e) {
                log.warn("could not cancel overdue order {}: {}", id, e.getMessage());
            }
        }
        if (cancelled > 0) {
            log.info("cancelled {} orders after their payment deadline", cancelled);
        }
    }
}
