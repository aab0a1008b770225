package com.siyu.mall.order.order;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Completes shipped orders the member never confirmed, once the confirmation window (default 14 days) has passed. */
@Component
class AutoConfirmJob {

    private static final Logger log = LoggerFactory.getLogger(AutoConfirmJob.class);

    private final JdbcTemplate jdbc;
    private final OrderService orders;
    private final OrderProperties props;

    AutoConfirmJob(JdbcTemplate jdbc, OrderService orders, OrderProperties props) {
        this.jdbc = jdbc;
        this.orders = orders;
        this.props = props;
    }

    @Scheduled(fixedDelayString = "${mall.order.auto-confirm-sweep-interval:PT1M}")
    void completeDue() {
        List<Long> due = jdbc.queryForList("""
                SELECT id FROM sales_order WHERE status = 'SHIPPED' AND shipped_at <= ? ORDER BY shipped_at LIMIT 500""",
                Long.class, Timestamp.from(Instant.now().minus(props.autoConfirmAfter())));
        int completed = 0;
        for (long id : due) {
            try {
                completed += orders.completeIfDue(id) ? 1 : 0;
            } catch (RuntimeException e) {
                log.warn("could not auto-confirm order {}: {}", id, e.getMessage());
            }
        }
        if (completed > 0) {
            log.info("auto-confirmed {} shipped orders", completed);
        }
    }
}
