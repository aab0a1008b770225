package com.siyu.mall.member.benefits;

import com.siyu.mall.common.error.MallException;
import com.siyu.mall.contracts.member.MemberBenefits;
import com.siyu.mall.member.card.MemberCards;
import com.siyu.mall.member.level.Levels;
import com.siyu.mall.member.level.Tier;
import com.siyu.mall.member.lifecycle.Lifecycles;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Level benefits combined with the paid card in force: discounts side by side (the card's applies after the level's),
 * free shipping from either, points multiplier = level × card.
 */
@Service
class Benefits {

    private final JdbcTemplate jdbc;
    private final Levels levels;
    private final MemberCards cards;
    private final Lifecycles lifecycles;
    private final Clock clock;

    Benefits(JdbcTemplate jdbc, Levels levels, MemberCards cards, Lifecycles lifecycles, Clock clock) {
        this.jdbc = jdbc;
        this.levels = levels;
        this.cards = cards;
        this.lifecycles = lifecycles;
        this.clock = clock;
    }

    MemberBenefits of(long memberId) {
        Integer found = jdbc.queryForObject("SELECT COUNT(*) FROM member WHERE id = ? AND deleted_at IS NULL",
                Integer.class, memberId);
        if (found == null || found == 0) {
            throw MallException.notFound("MEMBER_NOT_FOUND", "no such member");
        }
        Instant now = clock.instant();
        Tier tier = levels.tierOf(memberId);
        Optional<MemberCards.Card> card = cards.inForceAt(memberId, now);
        MemberCards.Benefits cb = card.map(MemberCards.Card::benefits).orElse(null);
        return new MemberBenefits(memberId, tier.code(), tier.discountPercent(),
                card.map(MemberCards.Card::planCode).orElse(null), card.map(MemberCards.Card::expiresAt).orElse(null),
                cb == null ? 0 : cb.discountPercent(),
                cb == null ? tier.pointsMultiplier() : tier.pointsMultiplier().multiply(cb.pointsMultiplier()),
                tier.freeShipping() || (cb != null && cb.freeShipping()), lifecycles.stageOf(memberId).name(), now);
    }
}
