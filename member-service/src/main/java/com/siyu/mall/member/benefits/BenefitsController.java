package com.siyu.mall.member.benefits;

import com.siyu.mall.common.error.MallException;
import com.siyu.mall.common.security.CurrentUser;
import com.siyu.mall.common.security.Roles;
import com.siyu.mall.contracts.member.MemberBenefits;
import com.siyu.mall.member.card.MemberCards;
import com.siyu.mall.member.level.Levels;
import com.siyu.mall.member.level.Tier;
import com.siyu.mall.member.lifecycle.Lifecycles;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * What pricing needs about a member, now: level benefits combined with the paid card in force. Service-to-service;
 * a member token only reaches that member.
 */
@RestController
class BenefitsController {

    private final JdbcTemplate jdbc;
    private final Levels levels;
    private final MemberCards cards;
    private final Lifecycles lifecycles;
    private final Clock clock;

    BenefitsController(JdbcTemplate jdbc, Levels levels, MemberCards cards, Lifecycles lifecycles, Clock clock) {
        this.jdbc = jdbc;
        this.levels = levels;
        this.cards = cards;
        this.lifecycles = lifecycles;
        this.clock = clock;
    }

    @GetMapping("/internal/members/{memberId}/benefits")
    MemberBenefits benefits(@PathVariable long memberId) {
        checkCaller(memberId);
        Integer found = jdbc.queryForObject("SELECT COUNT(*) FROM member WHERE id = ? AND deleted_at IS NULL",
                Integer.class, memberId);
        if (found == null || found == 0) {
            throw MallException.notFound("MEMBER_NOT_FOUND", "no such member");
        }
        Instant now = clock.instant();
        Tier tier = levels.tierOf(memberId);
        Optional<MemberCards.Card> card = cards.inForceAt(memberId, now);
        MemberCards.Benefits cb = card.map(MemberCards.Card::benefits).orElse(null);
        return new MemberBenefits(memberId, tier.code(), tier.discountPercent(), card.map(MemberCards.Card::planCode)
                .orElse(null), card.map(MemberCards.Card::expiresAt).orElse(null), cb == null ? 0 : cb.discountPercent(),
                cb == null ? tier.pointsMultiplier() : tier.pointsMultiplier().multiply(cb.pointsMultiplier()),
                tier.freeShipping() || (cb != null && cb.freeShipping()), lifecycles.stageOf(memberId).name(), now);
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
