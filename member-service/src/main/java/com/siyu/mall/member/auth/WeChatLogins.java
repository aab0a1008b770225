package com.siyu.mall.member.auth;

import com.siyu.mall.common.error.MallException;
import com.siyu.mall.common.pii.PiiCipher;
import com.siyu.mall.member.auth.AuthRequests.BindPhoneRequest;
import com.siyu.mall.member.auth.AuthRequests.WeChatLoginResult;
import com.siyu.mall.member.member.Members;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * WeChat mini-program login. A bound unionid logs straight in. An unknown one gets a short-lived single-use bind
 * token; binding a phone (proven by SMS code) then logs in as that phone's member, registering it if new. Members
 * always have a phone. One unionid per member and one member per unionid ({@code member_wechat}); binding a unionid
 * that is bound elsewhere, or a phone whose member has another unionid, is 409.
 */
@Component
class WeChatLogins {

    private final WeChatClient wechat;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final PiiCipher pii;
    private final Members members;
    private final SmsCodes smsCodes;
    private final MemberLogins logins;
    private final WeChatProperties props;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    WeChatLogins(WeChatClient wechat, JdbcTemplate jdbc, PlatformTransactionManager txm, PiiCipher pii, Members members,
            SmsCodes smsCodes, MemberLogins logins, WeChatProperties props, Clock clock) {
        this.wechat = wechat;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(txm);
        this.pii = pii;
        this.members = members;
        this.smsCodes = smsCodes;
        this.logins = logins;
        this.props = props;
        this.clock = clock;
    }

    WeChatLoginResult login(String code, String inviteCode) {
        WeChatClient.WeChatSession session = wechat.exchange(code);
        String unionHash = pii.hash("wechat-union:" + session.unionid());
        List<Long> bound = jdbc.queryForList("SELECT member_id FROM member_wechat WHERE unionid_hash = ?", Long.class,
                unionHash);
        if (!bound.isEmpty()) {
            return WeChatLoginResult.loggedIn(logins.loggedIn(bound.get(0)));
        }
        Long inviterId = inviteCode == null ? null : members.inviterIdFor(inviteCode);
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        jdbc.update("INSERT INTO wechat_bind_token (token_hash, unionid_hash, openid_hash, inviter_id, expires_at, "
                + "created_at) VALUES (?, ?, ?, ?, ?, ?)", sha256(token), unionHash,
                pii.hash("wechat-open:" + session.openid()), inviterId, Timestamp.from(now.plus(props.bindTokenTtl())),
                Timestamp.from(now));
        return WeChatLoginResult.needsPhone(token, props.bindTokenTtl().toSeconds());
    }

    /**
     * Everything that can be refused without the SMS code is checked before the code is spent; the token is marked
     * used in the same transaction as the binding, so it binds once.
     */
    WeChatLoginResult bindPhone(BindPhoneRequest request) {
        String tokenHash = sha256(request.bindToken());
        Map<String, Object> pending = usableToken(tokenHash);
        String unionHash = (String) pending.get("unionid_hash");
        Long memberId = members.findIdByPhone(request.phone()).orElse(null);
        checkBindable(unionHash, memberId);
        smsCodes.verify(request.phone(), request.code());
        if (memberId == null) {
            Object inviter = pending.get("inviter_id");
            memberId = members.register(request.phone(), inviter == null ? null : ((Number) inviter).longValue());
        }
        long member = memberId;
        tx.executeWithoutResult(status -> {
            int used = jdbc.update("UPDATE wechat_bind_token SET used_at = ? WHERE token_hash = ? AND used_at IS NULL",
                    Timestamp.from(clock.instant()), tokenHash);
            if (used == 0) {
                throw invalidToken();
            }
            checkBindable(unionHash, member);
            if (!jdbc.queryForList("SELECT member_id FROM member_wechat WHERE unionid_hash = ? AND member_id = ?",
                    Long.class, unionHash, member).isEmpty()) {
                return; // bound to this member by an earlier token of the same WeChat user
            }
            try {
                jdbc.update("INSERT INTO member_wechat (member_id, unionid_hash, openid_hash, created_at) VALUES (?, ?, ?, ?)",
                        member, unionHash, pending.get("openid_hash"), Timestamp.from(clock.instant()));
            } catch (DuplicateKeyException raced) {
                throw MallException.conflict("WECHAT_ALREADY_BOUND", "this WeChat account or this member is bound already");
            }
        });
        return WeChatLoginResult.loggedIn(logins.loggedIn(member));
    }

    private Map<String, Object> usableToken(String tokenHash) {
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT unionid_hash, openid_hash, inviter_id FROM "
                + "wechat_bind_token WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?", tokenHash,
                Timestamp.from(clock.instant()));
        if (rows.isEmpty()) {
            throw invalidToken();
        }
        return rows.get(0);
    }

    /** 409 when the unionid belongs to another member or the phone's member has another unionid. */
    private void checkBindable(String unionHash, Long memberId) {
        List<Long> owner = jdbc.queryForList("SELECT member_id FROM member_wechat WHERE unionid_hash = ?", Long.class,
                unionHash);
        if (!owner.isEmpty() && !owner.get(0).equals(memberId)) {
            throw MallException.conflict("WECHAT_ALREADY_BOUND", "this WeChat account is bound to another member");
        }
        if (owner.isEmpty() && memberId != null && !jdbc.queryForList(
                "SELECT unionid_hash FROM member_wechat WHERE member_id = ?", String.class, memberId).isEmpty()) {
            throw MallException.conflict("MEMBER_WECHAT_BOUND", "this phone's member is bound to another WeChat account");
        }
    }

    private static MallException invalidToken() {
        return MallException.badRequest("BIND_TOKEN_INVALID", "the bind token is unknown, expired or used; log in with "
                + "WeChat again");
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
