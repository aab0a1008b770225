package com.siyu.mall.member.auth;

import com.siyu.mall.common.error.MallException;
import com.siyu.mall.common.pii.PiiCipher;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Sends login codes (at most one per phone per minute) and checks them. Rows are keyed by the phone's hash. */
@Component
class SmsCodes {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final PiiCipher pii;
    private final SmsSender sender;
    private final SmsProperties props;
    private final AuthLimits limits;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    SmsCodes(JdbcTemplate jdbc, PlatformTransactionManager txm, PiiCipher pii, SmsSender sender, SmsProperties props,
            AuthLimits limits, Clock clock) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(txm);
        this.pii = pii;
        this.sender = sender;
        this.props = props;
        this.limits = limits;
        this.clock = clock;
    }

    /**
     * Checks the per-IP hourly, per-phone daily and per-phone 60 s limits and stores the new code in one transaction
     * (a refused send counts nowhere), then hands the code to the SMS adapter.
     */
    void send(String phone, String clientIp) {
        String phoneHash = pii.hash(phone);
        String code = props.fixedCode() != null ? props.fixedCode() : "%06d".formatted(random.nextInt(1_000_000));
        Instant now = clock.instant();
        limits.prepareSms(phoneHash, clientIp, now);
        tx.executeWithoutResult(status -> {
            limits.smsFromIp(clientIp, now);
            limits.smsToPhone(phoneHash, now);
            store(phoneHash, SmsCode.issue(codeHash(phoneHash, code), now));
        });
        sender.sendLoginCode(phone, code);
    }

    private void store(String phoneHash, SmsCode fresh) {
        // Replacing the row only when the last send is old enough makes the 60 s limit atomic across replicas;
        // for a phone without a row, the primary key lets exactly one of two racing inserts through.
        int replaced = jdbc.update("""
                UPDATE sms_code SET code_hash = ?, attempts = 0, sent_at = ?, expires_at = ?, consumed_at = NULL
                WHERE phone_hash = ? AND sent_at <= ?""",
                fresh.codeHash(), ts(fresh.sentAt()), ts(fresh.expiresAt()), phoneHash,
                ts(fresh.sentAt().minus(SmsCode.RESEND_INTERVAL)));
        if (replaced == 0) {
            try {
                jdbc.update("INSERT INTO sms_code (phone_hash, code_hash, attempts, sent_at, expires_at) VALUES (?, ?, 0, ?, ?)",
                        phoneHash, fresh.codeHash(), ts(fresh.sentAt()), ts(fresh.expiresAt()));
            } catch (DuplicateKeyException recentlySent) {
                throw new TooManyRequests("SMS_TOO_FREQUENT", "a code was sent to this phone less than "
                        + SmsCode.RESEND_INTERVAL.toSeconds() + " seconds ago", SmsCode.RESEND_INTERVAL);
            }
        }
    }

    /**
     * Consumes the code or records a wrong try. Runs in its own transaction so a wrong try counts even though
     * the login then fails.
     */
    void verify(String phone, String code) {
        String phoneHash = pii.hash(phone);
        Instant now = clock.instant();
        SmsCode.Check result = tx.execute(status -> {
            List<SmsCode> rows = jdbc.query("""
                    SELECT code_hash, attempts, sent_at, expires_at, consumed_at FROM sms_code
                    WHERE phone_hash = ? FOR UPDATE""", SmsCodes::row, phoneHash);
            if (rows.isEmpty()) {
                return SmsCode.Check.UNUSABLE;
            }
            SmsCode.Check check = rows.get(0).check(codeHash(phoneHash, code), now);
            switch (check) {
                case ACCEPTED -> jdbc.update("UPDATE sms_code SET consumed_at = ? WHERE phone_hash = ?", ts(now), phoneHash);
                case WRONG -> jdbc.update("UPDATE sms_code SET attempts = attempts + 1 WHERE phone_hash = ?", phoneHash);
                case UNUSABLE -> { }
            }
            return check;
        });
        if (result != SmsCode.Check.ACCEPTED) {
            throw MallException.badRequest("SMS_CODE_INVALID", "the code is wrong, expired or used up; request a new one");
        }
    }

    private String codeHash(String phoneHash, String code) {
        return pii.hash("sms:" + phoneHash + ":" + code);
    }

    private static SmsCode row(ResultSet rs, int i) throws SQLException {
        Timestamp consumed = rs.getTimestamp("consumed_at");
        return new SmsCode(rs.getString("code_hash"), rs.getInt("attempts"), rs.getTimestamp("sent_at").toInstant(),
                rs.getTimestamp("expires_at").toInstant(), consumed == null ? null : consumed.toInstant());
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }
}
