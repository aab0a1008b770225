package com.siyu.mall.member.card;

import com.siyu.mall.common.security.CurrentUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CardController {

    record PurchaseRequest(@NotNull @Positive Long planId, @NotBlank @Size(max = 16) String channel) {
    }

    private final CardPlans plans;
    private final CardPurchases purchases;
    private final MemberCards cards;

    CardController(CardPlans plans, CardPurchases purchases, MemberCards cards) {
        this.plans = plans;
        this.purchases = purchases;
        this.cards = cards;
    }

    @GetMapping("/api/v1/member-cards/plans")
    List<CardPlans.Plan> enabledPlans() {
        return plans.list(true);
    }

    @PostMapping("/api/v1/member-cards/purchases")
    @ResponseStatus(HttpStatus.ACCEPTED)
    CardPurchases.PurchaseView purchase(@RequestHeader("Idempotency-Key") @Size(min = 1, max = 64) String key,
            @Valid @RequestBody PurchaseRequest request) {
        return purchases.purchase(CurrentUser.memberId(), request.planId(), request.channel(), key);
    }

    @GetMapping("/api/v1/members/me/card")
    MemberCards.Card myCard() {
        return cards.of(CurrentUser.memberId());
    }

    @GetMapping("/admin/v1/member-cards/plans")
    List<CardPlans.Plan> plans() {
        return plans.list(false);
    }

    @PostMapping("/admin/v1/member-cards/plans")
    @ResponseStatus(HttpStatus.CREATED)
    CardPlans.Plan create(@Valid @RequestBody CardPlans.PlanRequest request) {
        return plans.create(request);
    }

    @PutMapping("/admin/v1/member-cards/plans/{id}")
    CardPlans.Plan update(@PathVariable long id, @Valid @RequestBody CardPlans.PlanRequest request) {
        return plans.update(id, request);
    }

    @DeleteMapping("/admin/v1/member-cards/plans/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id) {
        plans.delete(id);
    }
}
