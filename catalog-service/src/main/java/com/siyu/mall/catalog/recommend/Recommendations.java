package com.siyu.mall.catalog.recommend;

import com.siyu.mall.catalog.audience.AudienceRules;
import com.siyu.mall.catalog.audience.PurchaseCounts;
import com.siyu.mall.catalog.pricing.MemberBenefitsCache;
import com.siyu.mall.common.error.MallException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Member recommendations and related products, from what {@link PurchaseLearning} learnt. Sources in order, each
 * item once with the reason of the first source that found it: a member gets BOUGHT_TOGETHER (with what they
 * bought), PREFERENCE (their tags and categories by weight), POPULAR (in their categories, then overall); a
 * product's related list is BOUGHT_TOGETHER, SIMILAR (same category or a shared tag), POPULAR. Only ON_SALE products
 * with stock that the caller may buy are listed; a member's purchases of the last {@value #RECENT_DAYS} days are left
 * out. No history is no error: popular products.
 */
@Service
class Recommendations {

    static final int RECENT_DAYS = 30;
    private static final Logger log = LoggerFactory.getLogger(Recommendations.class);

    record Item(String spuId, String title, String imageUrl, long minPriceFen, String reason) {
    }

    record ItemList(List<Item> items) {
    }

    private final RecommendationQueries queries;
    private final MemberBenefitsCache benefits;
    private final PurchaseCounts purchaseCounts;

    Recommendations(RecommendationQueries queries, MemberBenefitsCache benefits, PurchaseCounts purchaseCounts) {
        this.queries = queries;
        this.benefits = benefits;
        this.purchaseCounts = purchaseCounts;
    }

    ItemList forMember(long memberId, int limit) {
        int wanted = limit * 3 + 20; // candidates per source, so that filtering still fills the page
        List<Long> bought = queries.purchasedSince(memberId, RECENT_DAYS);
        List<Long> allBought = queries.purchased(memberId);
        Map<Long, String> candidates = new LinkedHashMap<>();
        add(candidates, queries.boughtTogether(allBought, wanted), "BOUGHT_TOGETHER");
        add(candidates, queries.preferred(memberId, wanted), "PREFERENCE");
        add(candidates, queries.popular(queries.preferredCategories(memberId), wanted), "POPULAR");
        add(candidates, queries.popular(null, wanted), "POPULAR");
        bought.forEach(candidates::remove);
        return new ItemList(pick(candidates, memberId, limit));
    }

    ItemList related(long spuId, Long memberId, int limit) {
        RecommendationQueries.Product product = queries.product(spuId);
        if (product == null || !product.onSale() || (memberId == null && !"PUBLIC".equals(product.audience()))) {
            throw MallException.notFound("PRODUCT_NOT_FOUND", "no product " + spuId);
        }
        int wanted = limit * 3 + 20;
        Map<Long, String> candidates = new LinkedHashMap<>();
        add(candidates, queries.boughtTogether(List.of(spuId), wanted), "BOUGHT_TOGETHER");
        add(candidates, queries.similar(spuId, product.categoryId(), wanted), "SIMILAR");
        add(candidates, queries.popular(null, wanted), "POPULAR");
        candidates.remove(spuId);
        return new ItemList(pick(candidates, memberId, limit));
    }

    private static void add(Map<Long, String> candidates, List<Long> found, String reason) {
        found.forEach(id -> candidates.putIfAbsent(id, reason));
    }

    /** The first {@code limit} candidates that are on sale, in stock and for this caller's audience. */
    private List<Item> pick(Map<Long, String> candidates, Long memberId, int limit) {
        Map<Long, RecommendationQueries.Summary> sellable = queries.sellable(candidates.keySet());
        Set<Long> newMemberOffers = newMemberOffers(memberId, sellable);
        List<Item> items = new ArrayList<>();
        for (Map.Entry<Long, String> c : candidates.entrySet()) {
            RecommendationQueries.Summary s = sellable.get(c.getKey());
            if (s == null || !allowed(s, memberId, newMemberOffers)) {
                continue;
            }
            items.add(new Item(String.valueOf(s.spuId()), s.title(), s.imageUrl(), s.minPriceFen(), c.getValue()));
            if (items.size() == limit) {
                break;
            }
        }
        return items;
    }

    private static boolean allowed(RecommendationQueries.Summary s, Long memberId, Set<Long> newMemberOffers) {
        return switch (s.audience()) {
            case "PUBLIC" -> true;
            case "MEMBERS_ONLY" -> memberId != null;
            default -> newMemberOffers.contains(s.spuId());
        };
    }

    /**
     * The NEW_MEMBERS_ONLY candidates this member may still buy: lifecycle NEW and under the limit. When
     * member-service cannot say, none (a degraded list, never an error).
     */
    private Set<Long> newMemberOffers(Long memberId, Map<Long, RecommendationQueries.Summary> sellable) {
        List<RecommendationQueries.Summary> limited = sellable.values().stream()
                .filter(s -> AudienceRules.NEW_MEMBERS_ONLY.equals(s.audience())).toList();
        if (memberId == null || limited.isEmpty()) {
            return Set.of();
        }
        try {
            if (!AudienceRules.NEW_LIFECYCLE.equals(benefits.of(memberId).lifecycle())) {
                return Set.of();
            }
        } catch (RuntimeException unavailable) {
            log.debug("member benefits unavailable, leaving new-member offers out: {}", unavailable.toString());
            return Set.of();
        }
        Map<Long, Integer> held = purchaseCounts.held(memberId, limited.stream().map(s -> s.spuId()).toList());
        return limited.stream().filter(s -> AudienceRules.withinLimit(
                AudienceRules.limit(s.audience(), s.perMemberLimit()), held.getOrDefault(s.spuId(), 0), 1))
                .map(s -> s.spuId()).collect(java.util.stream.Collectors.toSet());
    }
}
