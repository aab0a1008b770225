package com.siyu.mall.order.payment;

import com.siyu.mall.common.security.CurrentUser;
import com.siyu.mall.order.payment.PaymentService.PaymentView;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class PaymentController {

    record PayRequest(@NotBlank @Size(max = 16) String channel) {
    }

    private final PaymentService payments;

    PaymentController(PaymentService payments) {
        this.payments = payments;
    }

    @PostMapping("/api/v1/orders/{orderId}/payments")
    @ResponseStatus(HttpStatus.ACCEPTED)
    PaymentView pay(@PathVariable long orderId, @RequestHeader("Idempotency-Key") @Size(min = 1, max = 64) String key,
            @Valid @RequestBody PayRequest request) {
        return payments.pay(CurrentUser.memberId(), orderId, request.channel(), key);
    }

    /** Provider callbacks: no token, the signature is the authentication. */
    @PostMapping("/api/v1/payments/notify/{channel}")
    Map<String, String> notify(@PathVariable String channel, @RequestBody String body) {
        payments.onNotification(channel.toUpperCase(java.util.Locale.ROOT), body);
        return Map.of("code", "SUCCESS");
    }
}
