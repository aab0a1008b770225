package com.siyu.mall.member.wallet;

import com.siyu.mall.common.error.MallException;
import com.siyu.mall.common.security.CurrentUser;
import com.siyu.mall.common.security.Roles;
import com.siyu.mall.contracts.member.WalletDebit;
import com.siyu.mall.contracts.member.WalletDebitRequest;
import com.siyu.mall.contracts.member.WalletRefund;
import com.siyu.mall.contracts.member.WalletRefundRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Service-to-service (never routed by the gateway). order-service forwards the paying member's token, which only
 * reaches that member's wallet; refunds take operator tokens only (a member must not refund itself).
 */
@RestController
class WalletInternalController {

    private static final long MAX_FEN = 100_000_000_000L;

    private final OrderDebits debits;

    WalletInternalController(OrderDebits debits) {
        this.debits = debits;
    }

    @PostMapping("/internal/wallet/debits")
    WalletDebit debit(@RequestBody WalletDebitRequest r) {
        require(r.memberId() != null && r.memberId() > 0, "memberId is required");
        require(r.orderId() != null && r.orderId() > 0, "orderId is required");
        require(r.amountFen() != null && r.amountFen() > 0 && r.amountFen() <= MAX_FEN, "amountFen must be positive");
        checkCaller(r.memberId());
        return debits.debit(r.memberId(), r.orderId(), r.amountFen());
    }

    @PostMapping("/internal/wallet/refunds")
    WalletRefund refund(@RequestBody WalletRefundRequest r) {
        require(r.memberId() != null && r.memberId() > 0, "memberId is required");
        require(r.orderId() != null && r.orderId() > 0, "orderId is required");
        require(r.refundId() != null && r.refundId() > 0, "refundId is required");
        require(r.amountFen() != null && r.amountFen() > 0 && r.amountFen() <= MAX_FEN, "amountFen must be positive");
        return debits.refund(r.memberId(), r.orderId(), r.refundId(), r.amountFen());
    }

    private static void require(boolean ok, String detail) {
        if (!ok) {
            throw MallException.badRequest("VALIDATION_FAILED", detail);
        }
    }

    private static void checkCaller(long memberId) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        boolean isMember = auth != null && auth.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals("ROLE_" + Roles.MEMBER));
        if (isMember && CurrentUser.memberId() != memberId) {
            throw MallException.notFound("MEMBER_NOT_FOUND", "no such member");
        }
    }
}
