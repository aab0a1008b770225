package com.siyu.mall.member.wallet;

import com.siyu.mall.common.error.MallException;
import com.siyu.mall.contracts.member.WalletDebit;
import com.siyu.mall.contracts.member.WalletRefund;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Orders paid from the wallet (order-service's WALLET channel) and refunds back to it. A debit is once per order
 * ({@code wallet_debit} keyed by order id), a refund once per refund id, and the refunds of an order never add up to
 * more than its debit. All under the wallet row lock, so concurrent debits serialise per member.
 */
@Service
public class OrderDebits {

    private final JdbcTemplate jdbc;
    private final Wallets wallets;
    private final Clock clock;

    OrderDebits(JdbcTemplate jdbc, Wallets wallets, Clock clock) {
        this.jdbc = jdbc;
        this.wallets = wallets;
        this.clock = clock;
    }

    /** A repeat returns the first debit; the same order with another amount or member is 409. */
    @Transactional
    WalletDebit debit(long memberId, long orderId, long amountFen) {
        wallets.lock(memberId);
        WalletDebit existing = find(orderId);
        if (isTombstone(existing)) {
            throw orderClosed(orderId);
        }
        if (existing != null) {
            if (existing.memberId() != memberId || existing.amountFen() != amountFen) {
                throw MallException.conflict("WALLET_DEBIT_CONFLICT", "order " + orderId + " was debited differently");
            }
            return existing;
        }
        Wallets.Spent spent = wallets.spend(memberId, "DEBIT", orderId, amountFen);
        Timestamp now = Timestamp.from(clock.instant());
        try {
            jdbc.update("INSERT INTO wallet_debit (order_id, member_id, amount_fen, principal_fen, bonus_fen, balance_after, "
                    + "refunded_fen, refunded_bonus_fen, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 0, 0, ?, ?)",
                    orderId, memberId, amountFen, spent.split().principalFen(), spent.split().bonusFen(),
                    spent.balanceFen(), now, now);
        } catch (DuplicateKeyException closedOrPaidMeanwhile) {
            if (isTombstone(find(orderId))) {
                throw orderClosed(orderId);
            }
            throw MallException.conflict("WALLET_DEBIT_CONFLICT", "order " + orderId + " was debited differently");
        }
        return find(orderId);
    }

    /** A repeat of a refund id returns the first refund; another order or amount for it is 409. */
    @Transactional
    WalletRefund refund(long memberId, long orderId, long refundId, long amountFen) {
        wallets.lock(memberId);
        WalletRefund existing = findRefund(refundId);
        if (existing != null) {
            if (existing.memberId() != memberId || existing.orderId() != orderId || existing.amountFen() != amountFen) {
                throw MallException.conflict("WALLET_REFUND_CONFLICT", "refund " + refundId + " was made differently");
            }
            return existing;
        }
        List<long[]> debits = jdbc.query("SELECT amount_fen, bonus_fen, refunded_fen, refunded_bonus_fen FROM wallet_debit "
                + "WHERE order_id = ? AND member_id = ? FOR UPDATE", (rs, n) -> new long[] {rs.getLong(1), rs.getLong(2),
                        rs.getLong(3), rs.getLong(4)}, orderId, memberId);
        if (debits.isEmpty()) {
            throw MallException.notFound("WALLET_DEBIT_NOT_FOUND", "order " + orderId + " was not paid from this wallet");
        }
        long[] d = debits.get(0);
        if (d[2] + amountFen > d[0]) {
            throw MallException.conflict("WALLET_REFUND_EXCEEDS_DEBIT",
                    "order " + orderId + " has " + (d[0] - d[2]) + " fen left to refund");
        }
        WalletRules.Split split = WalletRules.refund(d[0], d[1], d[2], d[3], amountFen);
        Wallets.Account after = wallets.credit(memberId, "REFUND", refundId, split);
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("UPDATE wallet_debit SET refunded_fen = refunded_fen + ?, refunded_bonus_fen = refunded_bonus_fen + ?, "
                + "updated_at = ? WHERE order_id = ?", amountFen, split.bonusFen(), now, orderId);
        jdbc.update("INSERT INTO wallet_refund (refund_id, order_id, member_id, amount_fen, principal_fen, bonus_fen, "
                + "balance_after, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", refundId, orderId, memberId, amountFen,
                split.principalFen(), split.bonusFen(), after.balanceFen(), now);
        return findRefund(refundId);
    }

    /**
     * order-service cancelled the order ({@code OrderCancelled}): from now on no debit may happen for it, and a debit
     * that did happen — the member paid from the wallet while the payment timeout or a cancel was closing the order —
     * is refunded in full (refund id = order id, so this runs once). The tombstone and a racing debit insert the same
     * primary key, so exactly one of them wins without any lock ordering.
     */
    @Transactional
    public void closeOrder(long memberId, long orderId) {
        Timestamp now = Timestamp.from(clock.instant());
        int tombstone = jdbc.update("INSERT IGNORE INTO wallet_debit (order_id, member_id, amount_fen, principal_fen, "
                + "bonus_fen, balance_after, refunded_fen, refunded_bonus_fen, created_at, updated_at, closed_at) "
                + "VALUES (?, ?, 0, 0, 0, 0, 0, 0, ?, ?, ?)", orderId, memberId, now, now, now);
        if (tombstone == 1) {
            return;
        }
        wallets.lock(memberId);
        List<long[]> debit = jdbc.query("SELECT amount_fen, refunded_fen FROM wallet_debit WHERE order_id = ? "
                + "AND member_id = ? AND closed_at IS NULL FOR UPDATE", (rs, n) -> new long[] {rs.getLong(1),
                        rs.getLong(2)}, orderId, memberId);
        if (debit.isEmpty()) {
            return; // closed before, or another member's order id
        }
        jdbc.update("UPDATE wallet_debit SET closed_at = ?, updated_at = ? WHERE order_id = ?", now, now, orderId);
        long left = debit.get(0)[0] - debit.get(0)[1];
        if (left > 0) {
            refund(memberId, orderId, orderId, left);
        }
    }

    /** {@link #closeOrder}'s row: a real debit is at least 1 fen (the request is validated), a tombstone is 0. */
    private static boolean isTombstone(WalletDebit row) {
        return row != null && row.amountFen() == 0;
    }

    private static MallException orderClosed(long orderId) {
        return MallException.conflict("ORDER_CLOSED", "order " + orderId + " was cancelled; nothing was debited");
    }

    /**
     * The refund an {@code OrderRefunded} with channel WALLET asks for (order-service's refund flow, or a wallet debit
     * that arrived after its order was closed). Once per refund id; an order this wallet never paid, or a refund id
     * already applied, changes nothing — the event is a fact, not a request that can fail.
     */
    @Transactional
    public void refundFromEvent(long memberId, long orderId, long refundId, long amountFen) {
        WalletDebit debit = find(orderId);
        if (debit == null || debit.memberId() != memberId || findRefund(refundId) != null) {
            return;
        }
        refund(memberId, orderId, refundId, amountFen);
    }

    private WalletDebit find(long orderId) {
        List<WalletDebit> found = jdbc.query("SELECT * FROM wallet_debit WHERE order_id = ?", (rs, n) -> new WalletDebit(
                rs.getLong("member_id"), rs.getLong("order_id"), rs.getLong("amount_fen"), rs.getLong("principal_fen"),
                rs.getLong("bonus_fen"), rs.getLong("balance_after")), orderId);
        return found.isEmpty() ? null : found.get(0);
    }

    private WalletRefund findRefund(long refundId) {
        List<WalletRefund> found = jdbc.query("SELECT * FROM wallet_refund WHERE refund_id = ?", (rs, n) -> new WalletRefund(
                rs.getLong("member_id"), rs.getLong("order_id"), rs.getLong("refund_id"), rs.getLong("amount_fen"),
                rs.getLong("principal_fen"), rs.getLong("bonus_fen"), rs.getLong("balance_after")), refundId);
        return found.isEmpty() ? null : found.get(0);
    }
}
