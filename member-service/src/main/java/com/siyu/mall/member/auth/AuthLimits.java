package com.siyu.mall.member.auth;

import com.siyu.mall.common.pii.PiiCipher;
import com.siyu.mall.member.config.MemberProperties;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fixed-window counters in {@code auth_rate_counter}. A hit is an upsert that increments and locks the row, followed
 * by a read of the count in the same transaction: over the limit throws, and the rollback takes the hit back. Two
 * replicas racing for the last slot serialise on the row lock, so exactly one gets it.
 */
@Component
class AuthLimits {

    private final JdbcTemplate jdbc;
    private final PiiCipher pii;
    private final AuthLimitProperties props;
    private final MemberProperties member;

    AuthLimits(JdbcTemplate jdbc, PiiCipher pii, AuthLimitProperties props, MemberProperties member) {
        this.jdbc = jdbc;
        this.pii = pii;
        this.props = props;
        this.member = member;
    }

    /** One more code to this phone today (calendar day in the member zone); 429 SMS_DAILY_LIMIT beyond the limit. */
    @Transactional(propagation = Propagation.MANDATORY)
    void smsToPhone(String phoneHash, Instant now) {
        ZonedDateTime dayStart = now.atZone(member.zone()).truncatedTo(ChronoUnit.DAYS);
        if (hit("SMS_PHONE_DAY", phoneHash, dayStart.toInstant()) > props.smsPerPhonePerDay()) {
            throw new TooManyRequests("SMS_DAILY_LIMIT", "at most " + props.smsPerPhonePerDay()
                    + " codes per phone and day", Duration.between(now, dayStart.plusDays(1).toInstant()));
        }
    }

    /** One more code requested from this IP in the current hour; 429 SMS_IP_LIMIT beyond the limit. */
    @Transactional(propagation = Propagation.MANDATORY)
    void smsFromIp(String ip, Instant now) {
        hourly("SMS_IP_HOUR", ip, now, props.smsPerIpPerHour(), "SMS_IP_LIMIT",
                "too many codes requested from this address");
    }

    /** One more login attempt from this IP in the current hour, in its own transaction so failed logins count. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void loginFromIp(String ip, Instant now) {
        hourly("LOGIN_IP_HOUR", ip, now, props.loginPerIpPerHour(), "LOGIN_IP_LIMIT",
                "too many login attempts from this address");
    }

    private void hourly(String scope, String ip, Instant now, int limit, String code, String detail) {
        if (props.exemptIps().contains(ip)) {
            return;
        }
        Instant hourStart = now.truncatedTo(ChronoUnit.HOURS);
        if (hit(scope, pii.hash("ip:" + ip), hourStart) > limit) {
            throw new TooManyRequests(code, detail + " (at most " + limit + " per hour)",
                    Duration.between(now, hourStart.plus(Duration.ofHours(1))));
        }
    }

    private int hit(String scope, String subjectHash, Instant windowStart) {
        jdbc.update("INSERT INTO auth_rate_counter (scope, subject_hash, window_start, hits) VALUES (?, ?, ?, 1) "
                + "ON DUPLICATE KEY UPDATE hits = hits + 1", scope, subjectHash, Timestamp.from(windowStart));
        return jdbc.queryForObject("SELECT hits FROM auth_rate_counter WHERE scope = ? AND subject_hash = ? "
                + "AND window_start = ?", Integer.class, scope, subjectHash, Timestamp.from(windowStart));
    }
}
