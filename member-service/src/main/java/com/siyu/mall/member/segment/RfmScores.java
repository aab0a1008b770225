package com.siyu.mall.member.segment;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import java.util.stream.IntStream;

/**
 * RFM quintiles among the members who have paid: each of recency (whole days since the last paid order, fewer is
 * better), frequency (paid orders) and monetary (paid fen) ranks the members and scores the bottom fifth 1 up to the
 * top fifth 5. Equal values always share a score: the one at the middle of their ranks, so when everybody is equal
 * everybody is 3.
 */
final class RfmScores {

    private RfmScores() {
    }

    record PaidSummary(long memberId, Instant lastPaidAt, long orders, long paidFen) {
    }

    static Map<Long, Rfm> score(List<PaidSummary> members, Instant now) {
        int[] recency = quintiles(members, m -> -Duration.between(m.lastPaidAt(), now).toDays());
        int[] frequency = quintiles(members, PaidSummary::orders);
        int[] monetary = quintiles(members, PaidSummary::paidFen);
        Map<Long, Rfm> scores = new HashMap<>();
        for (int i = 0; i < members.size(); i++) {
            scores.put(members.get(i).memberId(), new Rfm(recency[i], frequency[i], monetary[i]));
        }
        return scores;
    }

    /** Score 1–5 per element (same order as {@code members}); higher values score higher. */
    static int[] quintiles(List<PaidSummary> members, ToLongFunction<PaidSummary> value) {
        int n = members.size();
        long[] values = members.stream().mapToLong(value).toArray();
        int[] order = IntStream.range(0, n).boxed().sorted(Comparator.comparingLong(i -> values[i]))
                .mapToInt(Integer::intValue).toArray();
        int[] scores = new int[n];
        int first = 0;
        while (first < n) {
            int last = first;
            while (last + 1 < n && values[order[last + 1]] == values[order[first]]) {
                last++;
            }
            int score = quintileOfMiddle(first, last, n);
            for (int k = first; k <= last; k++) {
                scores[order[k]] = score;
            }
            first = last + 1;
        }
        return scores;
    }

    /** ceil(5 × percentile), where percentile = (middle rank + ½) / n; in integers to stay exact at the boundaries. */
    static int quintileOfMiddle(int firstRank, int lastRank, int n) {
        long numerator = (long) (firstRank + lastRank + 1) * 5;
        long denominator = 2L * n;
        int score = (int) ((numerator + denominator - 1) / denominator);
        return Math.max(1, Math.min(5, score));
    }
}
