package com.siyu.mall.member.payment;

import com.siyu.mall.common.error.MallException;
import com.siyu.mall.common.payment.PaymentChannel;
import com.siyu.mall.member.card.CardPurchases;
import com.siyu.mall.member.wallet.Recharges;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Provider callbacks for everything member-service sells (recharges {@code R…}, card purchases {@code C…}): no token,
 * the signature is the authentication. Verified first, then applied once in one transaction.
 */
@RestController
class PaymentNotifyController {

    private final Map<String, PaymentChannel> channels;
    private final Recharges recharges;
    private final CardPurchases purchases;
    private final TransactionTemplate tx;

    PaymentNotifyController(List<PaymentChannel> channels, Recharges recharges, CardPurchases purchases,
            TransactionTemplate tx) {
        this.channels = channels.stream().collect(Collectors.toMap(PaymentChannel::name, Function.identity()));
        this.recharges = recharges;
        this.purchases = purchases;
        this.tx = tx;
    }

    @PostMapping("/api/v1/wallet/payments/notify/{channel}")
    Map<String, String> notify(@PathVariable String channel, @RequestBody String body) {
        PaymentChannel c = channels.get(channel.toUpperCase(Locale.ROOT));
        if (c == null) {
            throw MallException.notFound("PAYMENT_CHANNEL_UNSUPPORTED", "no channel " + channel);
        }
        PaymentChannel.Notification n = c.verify(body);
        tx.executeWithoutResult(s -> {
            if (n.paymentNo().startsWith("R")) {
                recharges.paid(c.name(), n);
            } else if (n.paymentNo().startsWith("C")) {
                purchases.paid(c.name(), n);
            } else {
                throw MallException.notFound("PAYMENT_NOT_FOUND", "no payment " + n.paymentNo());
            }
        });
        return Map.of("code", "SUCCESS");
    }
}
