package com.siyu.mall.member.wallet;

import com.baomidou.mybatisplus.core.toolkit.IdWorker;
import com.siyu.mall.common.error.MallException;
import com.siyu.mall.common.event.Topics;
import com.siyu.mall.common.outbox.Outbox;
import com.siyu.mall.common.payment.PaymentChannel;
import com.siyu.mall.contracts.member.WalletRecharged;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recharges: created PENDING with a payment through a channel; the wallet grows only when the provider's signed
 * notification arrives, once (the recharge row is locked and moves PENDING → CREDITED a single time).
 */
@Service
public class Recharges {

    static final long MAX_FEN = 5_000_000; // ¥50,000 per recharge
    static final String PAYMENT_PREFIX = "R";

    record RechargeView(String rechargeId, String paymentNo, String channel, long amountFen, long bonusFen,
            String status, Instant createdAt, Instant creditedAt) {
    }

    private static final RowMapper<RechargeView> VIEW = (rs, n) -> new RechargeView(String.valueOf(rs.getLong("id")),
            rs.getString("payment_no"), rs.getString("channel"), rs.getLong("principal_fen"), rs.getLong("bonus_fen"),
            rs.getString("status"), rs.getTimestamp("created_at").toInstant(),
            rs.getTimestamp("credited_at") == null ? null : rs.getTimestamp("credited_at").toInstant());

    private final JdbcTemplate jdbc;
    private final RechargePlans plans;
    private final Wallets wallets;
    private final Outbox outbox;
    private final Map<String, PaymentChannel> channels;
    private final TransactionTemplate tx;
    private final Clock clock;

    Recharges(JdbcTemplate jdbc, RechargePlans plans, Wallets wallets, Outbox outbox, List<PaymentChannel> channels,
            TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.plans = plans;
        this.wallets = wallets;
        this.outbox = outbox;
        this.channels = channels.stream().collect(Collectors.toMap(PaymentChannel::name, Function.identity()));
        this.tx = tx;
        this.clock = clock;
    }

    /** A repeated Idempotency-Key returns the first recharge and asks the provider nothing. */
    RechargeView recharge(long memberId, Long planId, Long amountFen, String channelName, String key) {
        RechargeView earlier = byKey(memberId, key);
        if (earlier != null) {
            return earlier;
        }
        if ((planId == null) == (amountFen == null)) {
            throw MallException.badRequest("RECHARGE_AMOUNT_INVALID", "give exactly one of planId and amountFen");
        }
        PaymentChannel channel = channels.get(channelName);
        if (channel == null) {
            throw MallException.badRequest("PAYMENT_CHANNEL_UNSUPPORTED", "channel must be one of " + channels.keySet());
        }
        WalletRules.Split amounts = new WalletRules.Split(amountFen == null ? 0 : amountFen, 0);
        if (planId != null) {
            RechargePlans.Plan plan = plans.get(planId);
            if (!plan.enabled()) {
                throw MallException.notFound("RECHARGE_PLAN_NOT_FOUND", "no recharge plan " + planId);
            }
            amounts = new WalletRules.Split(plan.payFen(), plan.bonusFen());
        }
        long principal = amounts.principalFen();
        long bonus = amounts.bonusFen();
        long id = IdWorker.getId();
        Timestamp now = Timestamp.from(clock.instant());
        try {
            tx.executeWithoutResult(s -> {
                wallets.lock(memberId); // 404 for an unknown member
                jdbc.update("INSERT INTO wallet_recharge (id, member_id, plan_id, principal_fen, bonus_fen, channel, "
                        + "payment_no, status, idempotency_key, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?)",
                        id, memberId, planId, principal, bonus, channel.name(), PAYMENT_PREFIX + id, key, now);
            });
        } catch (DuplicateKeyException sameKeyRace) {
            return byKey(memberId, key);
        }
        channel.start(new PaymentChannel.PaymentRequest(PAYMENT_PREFIX + id, id, principal));
        return byKey(memberId, key);
    }

    private RechargeView byKey(long memberId, String key) {
        List<RechargeView> found = jdbc.query("SELECT * FROM wallet_recharge WHERE member_id = ? AND idempotency_key = ?",
                VIEW, memberId, key);
        return found.isEmpty() ? null : found.get(0);
    }

    /** Applies a verified notification for a recharge once; a settled one is acknowledged and changes nothing. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void paid(String channel, PaymentChannel.Notification n) {
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT * FROM wallet_recharge WHERE payment_no = ? FOR UPDATE",
                n.paymentNo());
        if (rows.isEmpty() || ((Number) rows.get(0).get("id")).longValue() != n.subjectId()
                || !channel.equals(rows.get(0).get("channel"))) {
            throw MallException.notFound("PAYMENT_NOT_FOUND", "no payment " + n.paymentNo());
        }
        Map<String, Object> r = rows.get(0);
        long principal = ((Number) r.get("principal_fen")).longValue();
        if (principal != n.amountFen()) {
            throw MallException.badRequest("PAYMENT_AMOUNT_MISMATCH", "notified amount differs from the payment");
        }
        if ("CREDITED".equals(r.get("status"))) {
            return;
        }
        long memberId = ((Number) r.get("member_id")).longValue();
        long bonus = ((Number) r.get("bonus_fen")).longValue();
        Instant now = clock.instant();
        jdbc.update("UPDATE wallet_recharge SET status = 'CREDITED', provider_txn_id = ?, credited_at = ? WHERE id = ?",
                n.providerTxnId(), Timestamp.from(now), n.subjectId());
        Wallets.Account after = wallets.credit(memberId, "RECHARGE", n.subjectId(), new WalletRules.Split(principal, bonus));
        outbox.publish(Topics.MEMBER, "Member", memberId,
                new WalletRecharged(memberId, n.subjectId(), principal, bonus, after.balanceFen(), now));
    }
}
