package com.siyu.mall.catalog.pricing;

import com.siyu.mall.contracts.member.MemberBenefits;
import io.github.resilience4j.bulkhead.annotation.Bulkhead;
import io.github.resilience4j.circuitbreaker.annotation.CircuitBreaker;
import org.springframework.stereotype.Component;

/**
 * member-service behind a circuit breaker and a bulkhead (instances {@code member}); the Feign read timeout is the
 * budget and there are no retries. Only {@link MemberBenefitsCache} calls it, so the annotations apply.
 */
@Component
class Members {

    private final MemberClient client;

    Members(MemberClient client) {
        this.client = client;
    }

    @CircuitBreaker(name = "member")
    @Bulkhead(name = "member")
    MemberBenefits benefits(long memberId) {
        return client.benefits(memberId);
    }
}
