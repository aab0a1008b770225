package com.siyu.mall.member.reach;

/**
 * What a permit decision is made from, read with the member row locked.
 *
 * @param deletionPending the member asked to be deleted and the cooling-off is running
 * @param grantedToday     grants on today's calendar day, all channels
 * @param grantedThisWeek  grants on today and the six calendar days before, all channels
 */
record ReachFacts(boolean deleted, boolean deletionPending, boolean consented, long grantedToday,
        long grantedThisWeek) {
}
