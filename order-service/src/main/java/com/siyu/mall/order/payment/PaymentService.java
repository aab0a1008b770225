package com.siyu.mall.order.payment;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.conditions.update.LambdaUpdateWrapper;
import com.baomidou.mybatisplus.core.toolkit.IdWorker;
import com.siyu.mall.common.error.MallException;
import com.siyu.mall.common.error.RemoteProblemException;
import com.siyu.mall.common.payment.PaymentChannel;
import com.siyu.mall.order.order.Order;
import com.siyu.mall.order.order.OrderService;
import com.siyu.mall.order.order.OrderStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

@Service
class PaymentService {

    private static final Logger log = LoggerFactory.getLogger(PaymentService.class);
    static final String WALLET = "WALLET";

    record PaymentView(String paymentId, String paymentNo, String orderId, String channel, long amountFen, String status) {
        static PaymentView of(Payment p) {
            return new PaymentView(String.valueOf(p.getId()), p.getPaymentNo(), String.valueOf(p.getOrderId()),
                    p.getChannel(), p.getAmountFen(), p.getStatus().name());
        }
    }

    private final PaymentMapper payments;
    private final OrderService orders;
    private final Map<String, PaymentChannel> channels;
    private final TransactionTemplate tx;
    private final WalletDebits walletDebits;

    PaymentService(PaymentMapper payments, OrderService orders, List<PaymentChannel> channels, TransactionTemplate tx,
            WalletDebits walletDebits) {
        this.payments = payments;
        this.orders = orders;
        this.channels = channels.stream().collect(Collectors.toMap(PaymentChannel::name, Function.identity()));
        this.tx = tx;
        this.walletDebits = walletDebits;
    }

    /**
     * Starts paying an order; a repeated Idempotency-Key returns the first payment and asks the provider nothing.
     * WALLET collects synchronously from member-service and marks the order paid before answering.
     */
    PaymentView pay(long memberId, long orderId, String channelName, String idempotencyKey) {
        PaymentChannel channel = channels.get(channelName);
        if (channel == null && !WALLET.equals(channelName)) {
            throw MallException.badRequest("PAYMENT_CHANNEL_UNSUPPORTED", "channel must be one of " + channelNames());
        }
        Optional<Payment> earlier = byIdempotencyKey(memberId, idempotencyKey);
        if (earlier.isPresent()) {
            PaymentView view = sameRequest(earlier.get(), orderId);
            return isOpenWalletPayment(earlier.get()) ? collectFromWallet(earlier.get()) : view;
        }
        Payment payment;
        try {
            payment = tx.execute(status -> {
                Order order = orders.lockOwned(memberId, orderId);
                if (order.getStatus() != OrderStatus.AWAITING_PAYMENT) {
                    throw MallException.conflict("ORDER_STATE_CONFLICT",
                            "order " + orderId + " is " + order.getStatus() + " and cannot be paid");
                }
                Payment open = payments.selectOne(new LambdaQueryWrapper<Payment>().eq(Payment::getOrderId, orderId)
                        .eq(Payment::getStatus, Payment.Status.PENDING).last("LIMIT 1"));
                if (open != null && !open.getChannel().equals(channelName)) {
                    // switching channels while one collects could charge twice (a wallet debit and a provider charge)
                    throw MallException.conflict("PAYMENT_IN_PROGRESS", "a " + open.getChannel()
                            + " payment is open for order " + orderId + "; finish it (or pay with " + open.getChannel()
                            + " again) before using another channel");
                }
                if (open != null) {
                    return open; // one collection per order at a time: a second key must not charge twice
                }
                Payment p = Payment.start(IdWorker.getId(), orderId, memberId, channelName, order.getPayableFen(),
                        idempotencyKey);
                payments.insert(p);
                return p;
            });
        } catch (DuplicateKeyException sameKeyRace) {
            return sameRequest(byIdempotencyKey(memberId, idempotencyKey).orElseThrow(() -> sameKeyRace), orderId);
        }
        if (isOpenWalletPayment(payment)) {
            return collectFromWallet(payment); // also retries a wallet payment left open by a member-service outage
        }
        if (payment.getIdempotencyKey().equals(idempotencyKey)) {
            channel.start(new PaymentChannel.PaymentRequest(payment.getPaymentNo(), payment.getOrderId(),
                    payment.getAmountFen()));
        }
        return PaymentView.of(payment);
    }

    private static boolean isOpenWalletPayment(Payment p) {
        return WALLET.equals(p.getChannel()) && !p.isSettled();
    }

    /**
     * Debits the wallet (idempotent per order at member-service), then settles like a provider notification would.
     * A refusal (WALLET_INSUFFICIENT, …) took nothing: the attempt becomes FAILED (kept, never deleted: a concurrent
     * request for the same payment may have been debited after a top-up, and settles it below), so the member can top
     * up or pay another way, and the order stays AWAITING_PAYMENT. A timeout or outage leaves the payment PENDING;
     * paying again retries. A debit that lands after the order was cancelled is refunded by member-service when it
     * consumes {@code OrderCancelled}, and any later debit for that order is refused there (ORDER_CLOSED).
     */
    private PaymentView collectFromWallet(Payment payment) {
        try {
            walletDebits.debit(payment.getMemberId(), payment.getOrderId(), payment.getAmountFen());
        } catch (RemoteProblemException refused) {
            if (refused.status().is4xxClientError()) {
                tx.executeWithoutResult(s -> payments.update(null, new LambdaUpdateWrapper<Payment>()
                        .set(Payment::getStatus, Payment.Status.FAILED)
                        .eq(Payment::getId, payment.getId()).eq(Payment::getStatus, Payment.Status.PENDING)));
            }
            throw refused;
        }
        return tx.execute(status -> {
            Payment locked = payments.lockByNo(payment.getPaymentNo());
            if (!locked.isSettled()) {
                boolean accepted = orders.markPaid(locked.getOrderId(), WALLET);
                locked.settle(WALLET + "-" + locked.getOrderId(), accepted, Instant.now());
                payments.updateById(locked);
                if (!accepted) {
                    log.warn("wallet payment {} debited for order {} that no longer awaits payment: refund required",
                            locked.getPaymentNo(), locked.getOrderId());
                }
            }
            return PaymentView.of(locked);
        });
    }

    private java.util.Set<String> channelNames() {
        java.util.Set<String> names = new java.util.TreeSet<>(channels.keySet());
        names.add(WALLET);
        return names;
    }

    private PaymentView sameRequest(Payment earlier, long orderId) {
        if (earlier.getOrderId() != orderId) {
            throw MallException.conflict("IDEMPOTENCY_KEY_REUSED", "this Idempotency-Key was used for another order");
        }
        return PaymentView.of(earlier);
    }

    /**
     * Applies a verified notification once: the payment row is locked, a settled payment acknowledges again and
     * changes nothing, so a late duplicate can never move an order backwards.
     */
    void onNotification(String channelName, String body) {
        PaymentChannel channel = channels.get(channelName);
        if (channel == null) {
            throw MallException.notFound("PAYMENT_CHANNEL_UNSUPPORTED", "no channel " + channelName);
        }
        PaymentChannel.Notification n = channel.verify(body);
        tx.executeWithoutResult(status -> {
            Payment payment = payments.lockByNo(n.paymentNo());
            if (payment == null || payment.getOrderId() != n.subjectId() || !payment.getChannel().equals(channel.name())) {
                throw MallException.notFound("PAYMENT_NOT_FOUND", "no payment " + n.paymentNo());
            }
            if (payment.getAmountFen() != n.amountFen()) {
                throw MallException.badRequest("PAYMENT_AMOUNT_MISMATCH", "notified amount differs from the payment");
            }
            if (payment.isSettled()) {
                return;
            }
            boolean accepted = orders.markPaid(payment.getOrderId(), payment.getChannel());
            payment.settle(n.providerTxnId(), accepted, Instant.now());
            payments.updateById(payment);
            if (!accepted) {
                log.warn("payment {} arrived for order {} that no longer awaits payment: refund required",
                        payment.getPaymentNo(), payment.getOrderId());
            }
        });
    }

    private Optional<Payment> byIdempotencyKey(long memberId, String key) {
        return Optional.ofNullable(payments.selectOne(new LambdaQueryWrapper<Payment>()
                .eq(Payment::getMemberId, memberId).eq(Payment::getIdempotencyKey, key)));
    }
}
