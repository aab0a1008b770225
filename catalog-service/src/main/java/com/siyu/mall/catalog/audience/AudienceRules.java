package com.siyu.mall.catalog.audience;

import com.siyu.mall.common.error.MallException;
import org.springframework.http.HttpStatus;

/**
 * Who may buy a product, no Spring. {@code MEMBERS_ONLY}: any member. {@code NEW_MEMBERS_ONLY} (新人专享): members
 * whose lifecycle is {@code NEW}, at most {@code perMemberLimit} units per member (default 1) over all their live
 * and paid orders. The quote checks both with fresh benefits; the reservation re-checks the unit limit atomically
 * (the lifecycle is not re-read there: the order was quoted moments before).
 */
public final class AudienceRules {

    public static final String NEW_MEMBERS_ONLY = "NEW_MEMBERS_ONLY";
    public static final String NEW_LIFECYCLE = "NEW";
    public static final int DEFAULT_NEW_MEMBER_LIMIT = 1;

    private AudienceRules() {
    }

    /** Units one member may hold of the product, or {@code null} when unlimited. */
    public static Integer limit(String audience, Integer perMemberLimit) {
        if (!NEW_MEMBERS_ONLY.equals(audience)) {
            return null;
        }
        return perMemberLimit == null ? DEFAULT_NEW_MEMBER_LIMIT : perMemberLimit;
    }

    public static boolean withinLimit(Integer limit, int alreadyHeld, int quantity) {
        return limit == null || alreadyHeld + quantity <= limit;
    }

    /**
     * A member's quote for {@code quantity} units of one product (members-only visibility is checked before).
     * 403 AUDIENCE_NEW_MEMBERS_ONLY for a member past the NEW lifecycle, 409 NEW_MEMBER_LIMIT_EXCEEDED over the limit.
     */
    public static void checkMember(long spuId, String audience, Integer perMemberLimit, String lifecycle,
            int alreadyHeld, int quantity) {
        Integer limit = limit(audience, perMemberLimit);
        if (limit == null) {
            return;
        }
        if (!NEW_LIFECYCLE.equals(lifecycle)) {
            throw new MallException(HttpStatus.FORBIDDEN, "AUDIENCE_NEW_MEMBERS_ONLY",
                    "product " + spuId + " is for new members only");
        }
        if (!withinLimit(limit, alreadyHeld, quantity)) {
            throw MallException.conflict("NEW_MEMBER_LIMIT_EXCEEDED", "product " + spuId + " allows " + limit
                    + " per member; " + alreadyHeld + " already ordered, " + quantity + " more asked");
        }
    }
}
