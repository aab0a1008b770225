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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fixed-window counters in {@code auth_rate_counter}. The window's row is created first, on its own (autocommit
 * {@code INSERT IGNORE}); a hit is then an {@code UPDATE hits = hits + 1} by primary key, which locks just that row,
 * followed by a read of the count in the same transaction: over the limit throws, and the rollback takes the hit
 * back. Two replicas racing for the last slot serialise on the row lock, so exactly one gets it. (Creating the row
 * inside the counting transaction would let two first hits deadlock on InnoDB's insert/gap locks.)
 */
@Component
class AuthLimits {

    private final JdbcTemplate jdbc;
    private final PiiCipher pii;
    private final AuthLimitProperties props;
    private final MemberProperties member;
    private final TransactionTemplate tx;

    AuthLimits(JdbcTemplate jdbc, PiiCipher pii, AuthLimitProperties props, MemberProperties member,
            PlatformTransactionManager txm) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(txm);
        this.pii = pii;
        this.props = props;
        this.member = member;
    }

    /** Creates the rows {@link #smsToPhone} and {@link #smsFromIp} will count in; call it outside a transaction. */
    void prepareSms(String phoneHash, String ip, Instant now) {
        ensure("SMS_PHONE_DAY", phoneHash, dayStart(now).toInstant());
        if (!props.exemptIps().contains(ip)) {
            ensure("SMS_IP_HOUR", ipHash(ip), now.truncatedTo(ChronoUnit.HOURS));
        }
    }

    /** One more code to this phone today (calendar day in the member zone); 429 SMS_DAILY_LIMIT beyond the limit. */
    @Transactional(propagation = Propagation.MANDATORY)
    void smsToPhone(String phoneHash, Instant now) {
        ZonedDateTime dayStart = dayStart(now);
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
    void loginFromIp(String ip, Instant now) {
        if (props.exemptIps().contains(ip)) {
            return;
        }
        ensure("LOGIN_IP_HOUR", ipHash(ip), now.truncatedTo(ChronoUnit.HOURS));
        tx.executeWithoutResult(status -> hourly("LOGIN_IP_HOUR", ip, now, props.loginPerIpPerHour(), "LOGIN_IP_LIMIT",
                "too many login attempts from this address"));
    }

    private void hourly(String scope, String ip, Instant now, int limit, String code, String detail) {
        if (props.exemptIps().contains(ip)) {
            return;
        }
        Instant hourStart = now.truncatedTo(ChronoUnit.HOURS);
        if (hit(scope, ipHash(ip), hourStart) > limit) {
            throw new TooManyRequests(code, detail + " (at most " + limit + " per hour)",
                    Duration.between(now, hourStart.plus(Duration.ofHours(1))));
        }
    }

    private void ensure(String scope, String subjectHash, Instant windowStart) {
        jdbc.update("INSERT IGNORE INTO auth_rate_counter (scope, subject_hash, window_start, hits) VALUES (?, ?, ?, 0)",
                scope, subjectHash, Timestamp.from(windowStart));
    }

    private ZonedDateTime dayStart(Instant now) {
        return now.atZone(member.zone()).truncatedTo(ChronoUnit.DAYS);
    }

    private String ipHash(String ip) {
        return pii.hash("ip:" + ip);
    }

    private int hit(String scope, String subjectHash, Instant windowStart) {
        int updated = jdbc.update("UPDATE auth_rate_counter SET hits = hits + 1 WHERE scope = ? AND subject_hash = ? "
                + "AND window_start = ?", scope, subjectHash, Timestamp.from(windowStart));
        if (updated == 0) { // not prepared (the window turned meanwhile): create it here, rarely contended
            jdbc.update("INSERT INTO auth_rate_counter (scope, subject_hash, window_start, hits) VALUES (?, ?, ?, 1) "
                    + "ON DUPLICATE KEY UPDATE hits = hits + 1", scope, subjectHash, Timestamp.from(windowStart));
        }
        return jdbc.queryForObject("SELECT hits FROM auth_rate_counter WHERE scope = ? AND subject_hash = ? "
                + "AND window_start = ?", Integer.class, scope, subjectHash, Timestamp.from(windowStart));
    }
}
