package com.siyu.mall.member.auth;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Hourly: drops limit counters of windows that ended (kept 2 days for investigation) and bind tokens that expired a
 * day ago. Deleting rows nobody counts any more is safe on every replica at once.
 */
@Component
class AuthHousekeeping {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    AuthHousekeeping(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Scheduled(cron = "0 40 * * * *")
    void hourly() {
        run(clock.instant());
    }

    void run(Instant now) {
        jdbc.update("DELETE FROM auth_rate_counter WHERE window_start < ? LIMIT 10000",
                Timestamp.from(now.minus(Duration.ofDays(3))));
        jdbc.update("DELETE FROM wechat_bind_token WHERE expires_at < ? LIMIT 10000",
                Timestamp.from(now.minus(Duration.ofDays(1))));
    }
}
