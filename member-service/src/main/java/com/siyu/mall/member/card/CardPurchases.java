package com.siyu.mall.member.card;

import com.baomidou.mybatisplus.core.toolkit.IdWorker;
import com.siyu.mall.common.error.MallException;
import com.siyu.mall.common.payment.PaymentChannel;
import com.siyu.mall.member.member.MemberLocks;
import com.siyu.mall.member.wallet.Wallets;
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
 * Buying or renewing a card. WALLET pays from the wallet and activates in the same transaction (insufficient balance:
 * 409 and nothing is stored); a provider channel (MOCK) leaves the purchase PENDING until its signed notification.
 */
@Service
public class CardPurchases {

    static final String WALLET = "WALLET";
    static final String PAYMENT_PREFIX = "C";

    record PurchaseView(String purchaseId, String planCode, String channel, long priceFen, String paymentNo,
            String status, Instant expiresAt, Instant createdAt) {
    }

    private static final RowMapper<PurchaseView> VIEW = (rs, n) -> new PurchaseView(String.valueOf(rs.getLong("id")),
            rs.getString("code"), rs.getString("channel"), rs.getLong("price_fen"), rs.getString("payment_no"),
            rs.getString("status"), rs.getTimestamp("expires_at") == null ? null : rs.getTimestamp("expires_at").toInstant(),
            rs.getTimestamp("created_at").toInstant());

    private final JdbcTemplate jdbc;
    private final CardPlans plans;
    private final MemberCards cards;
    private final Wallets wallets;
    private final MemberLocks locks;
    private final Map<String, PaymentChannel> channels;
    private final TransactionTemplate tx;
    private final Clock clock;

    CardPurchases(JdbcTemplate jdbc, CardPlans plans, MemberCards cards, Wallets wallets, MemberLocks locks,
            List<PaymentChannel> channels, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.plans = plans;
        this.cards = cards;
        this.wallets = wallets;
        this.locks = locks;
        this.channels = channels.stream().collect(Collectors.toMap(PaymentChannel::name, Function.identity()));
        this.tx = tx;
        this.clock = clock;
    }

    /** A repeated Idempotency-Key returns the first purchase. */
    PurchaseView purchase(long memberId, long planId, String channelName, String key) {
        PurchaseView earlier = byKey(memberId, key);
        if (earlier != null) {
            return earlier;
        }
        PaymentChannel channel = channels.get(channelName);
        if (channel == null && !WALLET.equals(channelName)) {
            throw MallException.badRequest("PAYMENT_CHANNEL_UNSUPPORTED",
                    "channel must be WALLET or one of " + channels.keySet());
        }
        CardPlans.Plan plan = plans.get(planId);
        if (!plan.enabled()) {
            throw MallException.notFound("CARD_PLAN_NOT_FOUND", "no card plan " + planId);
        }
        long id = IdWorker.getId();
        try {
            tx.executeWithoutResult(s -> {
                locks.lock(memberId);
                jdbc.update("INSERT INTO card_purchase (id, member_id, plan_id, price_fen, channel, payment_no, status, "
                        + "idempotency_key, created_at) VALUES (?, ?, ?, ?, ?, ?, 'PENDING', ?, ?)", id, memberId, planId,
                        plan.priceFen(), channelName, PAYMENT_PREFIX + id, key, Timestamp.from(clock.instant()));
                if (channel == null) {
                    wallets.spend(memberId, "CARD_PURCHASE", id, plan.priceFen());
                    cards.activate(memberId, id, plan, WALLET);
                }
            });
        } catch (DuplicateKeyException sameKeyRace) {
            return byKey(memberId, key);
        }
        if (channel != null) {
            channel.start(new PaymentChannel.PaymentRequest(PAYMENT_PREFIX + id, id, plan.priceFen()));
        }
        return byKey(memberId, key);
    }

    private PurchaseView byKey(long memberId, String key) {
        List<PurchaseView> found = jdbc.query("SELECT p.*, c.code FROM card_purchase p JOIN card_plan c ON c.id = p.plan_id "
                + "WHERE p.member_id = ? AND p.idempotency_key = ?", VIEW, memberId, key);
        return found.isEmpty() ? null : found.get(0);
    }

    /** Applies a verified notification for a card purchase once; a settled one is acknowledged and changes nothing. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void paid(String channel, PaymentChannel.Notification n) {
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT * FROM card_purchase WHERE payment_no = ? FOR UPDATE",
                n.paymentNo());
        if (rows.isEmpty() || ((Number) rows.get(0).get("id")).longValue() != n.subjectId()
                || !channel.equals(rows.get(0).get("channel"))) {
            throw MallException.notFound("PAYMENT_NOT_FOUND", "no payment " + n.paymentNo());
        }
        Map<String, Object> p = rows.get(0);
        if (((Number) p.get("price_fen")).longValue() != n.amountFen()) {
            throw MallException.badRequest("PAYMENT_AMOUNT_MISMATCH", "notified amount differs from the payment");
        }
        if ("ACTIVATED".equals(p.get("status"))) {
            return;
        }
        long memberId = ((Number) p.get("member_id")).longValue();
        locks.lock(memberId);
        jdbc.update("UPDATE card_purchase SET provider_txn_id = ? WHERE id = ?", n.providerTxnId(), n.subjectId());
        cards.activate(memberId, n.subjectId(), plans.get(((Number) p.get("plan_id")).longValue()), channel);
    }
}
