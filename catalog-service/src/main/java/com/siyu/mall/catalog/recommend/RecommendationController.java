package com.siyu.mall.catalog.recommend;

import com.siyu.mall.catalog.recommend.Recommendations.ItemList;
import com.siyu.mall.common.security.CurrentUser;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.OptionalLong;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class RecommendationController {

    private final Recommendations recommendations;

    RecommendationController(Recommendations recommendations) {
        this.recommendations = recommendations;
    }

    /** For the calling member (a member token is required). */
    @GetMapping("/api/v1/recommendations")
    ItemList forMember(@RequestParam(defaultValue = "10") @Min(1) @Max(50) int limit) {
        return recommendations.forMember(CurrentUser.memberId(), limit);
    }

    /** Public; a member token also lets members-only products through. */
    @GetMapping("/api/v1/products/{spuId}/related")
    ItemList related(@PathVariable long spuId, @RequestParam(defaultValue = "10") @Min(1) @Max(50) int limit) {
        OptionalLong member = CurrentUser.optionalMemberId();
        return recommendations.related(spuId, member.isPresent() ? member.getAsLong() : null, limit);
    }
}
