package com.siyu.mall.catalog.pricing;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.siyu.mall.contracts.member.MemberBenefits;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A member's benefits, cached briefly ({@code mall.catalog.member-benefits-ttl}, 30 s by default). A level change,
 * a card bought or expired, or a lifecycle move reaches quotes at most that late. A failure is never cached: it
 * reaches the caller (503 DEPENDENCY_UNAVAILABLE), so nobody is charged a price they were not shown.
 */
@Component
public class MemberBenefitsCache {

    private final Members members;
    private final Cache<Long, MemberBenefits> cache;

    MemberBenefitsCache(Members members, @Value("${mall.catalog.member-benefits-ttl:PT30S}") Duration ttl) {
        this.members = members;
        this.cache = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(100_000).build();
    }

    /** Loaded outside the cache's compute (a remote call there would block other members in the same bin). */
    public MemberBenefits of(long memberId) {
        MemberBenefits cached = cache.getIfPresent(memberId);
        if (cached != null) {
            return cached;
        }
        MemberBenefits fresh = members.benefits(memberId);
        cache.put(memberId, fresh);
        return fresh;
    }
}
