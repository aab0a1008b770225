package com.siyu.mall.member.points;

import com.siyu.mall.common.security.CurrentUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class PointsController {

    private final Points points;
    private final SignIns signIns;

    PointsController(Points points, SignIns signIns) {
        this.points = points;
        this.signIns = signIns;
    }

    record AdjustmentRequest(@NotNull @Min(-100_000_000) @Max(100_000_000) Long delta,
            @NotBlank @Size(max = 200) String reason) {
    }

    @GetMapping("/api/v1/members/me/points")
    Balances balances() {
        return points.balances(CurrentUser.memberId());
    }

    @GetMapping("/api/v1/members/me/points/ledger")
    LedgerPage ledger(@RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        return points.page(CurrentUser.memberId(), cursor, limit);
    }

    @PostMapping("/api/v1/members/me/sign-ins")
    @ResponseStatus(HttpStatus.CREATED)
    SignIns.SignIn signIn() {
        return signIns.signIn(CurrentUser.memberId());
    }

    /** Audited: the ledger row keeps the operator (token subject) and the reason. */
    @PostMapping("/admin/v1/members/{memberId}/points-adjustments")
    @ResponseStatus(HttpStatus.CREATED)
    LedgerEntry adjust(@PathVariable long memberId, @Valid @RequestBody AdjustmentRequest request) {
        return points.adjust(memberId, request.delta(), request.reason(), CurrentUser.subject());
    }
}
