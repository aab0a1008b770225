package com.siyu.mall.member.wallet;

import com.siyu.mall.common.security.CurrentUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class WalletController {

    record RechargeRequest(@Positive Long planId, @Min(1) @Max(Recharges.MAX_FEN) Long amountFen,
            @Size(min = 1, max = 16) String channel) {
    }

    private final Wallets wallets;
    private final Recharges recharges;
    private final RechargePlans plans;

    WalletController(Wallets wallets, Recharges recharges, RechargePlans plans) {
        this.wallets = wallets;
        this.recharges = recharges;
        this.plans = plans;
    }

    @GetMapping("/api/v1/wallet")
    Wallets.WalletView wallet() {
        return wallets.view(CurrentUser.memberId());
    }

    @GetMapping("/api/v1/wallet/transactions")
    Wallets.TransactionPage transactions(@RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        return wallets.page(CurrentUser.memberId(), cursor, limit);
    }

    @GetMapping("/api/v1/wallet/recharge-plans")
    List<RechargePlans.Plan> enabledPlans() {
        return plans.list(true);
    }

    @PostMapping("/api/v1/wallet/recharges")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Recharges.RechargeView recharge(@RequestHeader("Idempotency-Key") @Size(min = 1, max = 64) String key,
            @Valid @RequestBody RechargeRequest request) {
        return recharges.recharge(CurrentUser.memberId(), request.planId(), request.amountFen(),
                request.channel() == null ? "MOCK" : request.channel(), key);
    }

    @GetMapping("/admin/v1/wallet/recharge-plans")
    List<RechargePlans.Plan> plans() {
        return plans.list(false);
    }

    @PostMapping("/admin/v1/wallet/recharge-plans")
    @ResponseStatus(HttpStatus.CREATED)
    RechargePlans.Plan create(@Valid @RequestBody RechargePlans.PlanRequest request) {
        return plans.create(request);
    }

    @PutMapping("/admin/v1/wallet/recharge-plans/{id}")
    RechargePlans.Plan update(@PathVariable long id, @Valid @RequestBody RechargePlans.PlanRequest request) {
        return plans.update(id, request);
    }

    @DeleteMapping("/admin/v1/wallet/recharge-plans/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id) {
        plans.delete(id);
    }
}
