package com.siyu.mall.member.auth;

import com.baomidou.mybatisplus.core.toolkit.IdWorker;
import com.siyu.mall.common.error.MallException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Opaque refresh tokens (32 random bytes), stored as SHA-256, rotated on every use. */
@Component
class RefreshTokens {

    record Rotation(long memberId, String refreshToken) {
    }

    private sealed interface Outcome permits Rotated, Rejected {
    }

    private record Rotated(Rotation rotation) implements Outcome {
    }

    private record Rejected(String reason) implements Outcome {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final JwtProperties props;
    private final SecureRandom random = new SecureRandom();

    RefreshTokens(JdbcTemplate jdbc, PlatformTransactionManager txm, JwtProperties props) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(txm);
        this.props = props;
    }

    /** Starts a new family (one per login). */
    String issue(long memberId) {
        long id = IdWorker.getId();
        return insert(memberId, id, id);
    }

    /**
     * Marks the token used and hands out its successor. A token presented a second time means it leaked (or the
     * client is confused): the whole family is revoked, so whoever holds the newer token is logged out too.
     */
    Rotation rotate(String token) {
        Instant now = Instant.now();
        Outcome outcome = tx.execute(status -> {
            List<RefreshToken> rows = jdbc.query("""
                    SELECT id, member_id, family_id, expires_at, used_at, revoked_at FROM refresh_token
                    WHERE token_hash = ? FOR UPDATE""", RefreshTokens::row, hash(token));
            if (rows.isEmpty()) {
                return new Rejected("unknown refresh token");
            }
            RefreshToken current = rows.get(0);
            // a locking read sees a freeze committed meanwhile; the freeze revoked the family, this closes the race
            if (!jdbc.queryForList("SELECT member_id FROM member_freeze WHERE member_id = ? FOR UPDATE", Long.class,
                    current.memberId()).isEmpty()) {
                revokeFamily(current.familyId(), now);
                return new Rejected("the account is frozen");
            }
            return switch (current.state(now)) {
                case ACTIVE -> {
                    jdbc.update("UPDATE refresh_token SET used_at = ? WHERE id = ?", Timestamp.from(now), current.id());
                    String next = insert(current.memberId(), IdWorker.getId(), current.familyId());
                    yield new Rotated(new Rotation(current.memberId(), next));
                }
                case USED -> {
                    revokeFamily(current.familyId(), now);
                    yield new Rejected("refresh token was already used; its session has been revoked");
                }
                case REVOKED -> new Rejected("refresh token was revoked");
                case EXPIRED -> new Rejected("refresh token has expired");
            };
        });
        if (outcome instanceof Rotated rotated) {
            return rotated.rotation();
        }
        throw new MallException(HttpStatus.UNAUTHORIZED, "REFRESH_TOKEN_INVALID", ((Rejected) outcome).reason());
    }

    /** Logout: revokes the family of the caller's own token; anything else changes nothing. */
    void revokeFamilyOf(String token, long memberId) {
        List<Long> families = jdbc.queryForList("SELECT family_id FROM refresh_token WHERE token_hash = ? AND member_id = ?",
                Long.class, hash(token), memberId);
        families.forEach(family -> revokeFamily(family, Instant.now()));
    }

    private void revokeFamily(long familyId, Instant now) {
        jdbc.update("UPDATE refresh_token SET revoked_at = ? WHERE family_id = ? AND revoked_at IS NULL",
                Timestamp.from(now), familyId);
    }

    private String insert(long memberId, long id, long familyId) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = Instant.now();
        jdbc.update("""
                INSERT INTO refresh_token (id, token_hash, member_id, family_id, expires_at, created_at)
                VALUES (?, ?, ?, ?, ?, ?)""",
                id, hash(token), memberId, familyId, Timestamp.from(now.plus(props.refreshTtl())), Timestamp.from(now));
        return token;
    }

    private static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RefreshToken row(ResultSet rs, int i) throws SQLException {
        return new RefreshToken(rs.getLong("id"), rs.getLong("member_id"), rs.getLong("family_id"),
                rs.getTimestamp("expires_at").toInstant(), instant(rs.getTimestamp("used_at")),
                instant(rs.getTimestamp("revoked_at")));
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
