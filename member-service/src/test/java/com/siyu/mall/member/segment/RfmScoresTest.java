package com.siyu.mall.member.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RfmScoresTest {

    static final Instant NOW = Instant.parse("2026-11-25T04:00:00Z");

    @Test
    void fiveDistinctValuesScoreOneToFive() {
        List<RfmScores.PaidSummary> members = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            members.add(buyer(i, 0, i + 1, (i + 1) * 100));
        }
        assertThat(RfmScores.quintiles(members, RfmScores.PaidSummary::orders)).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void tenDistinctValuesFallTwoToAQuintileWhateverTheInputOrder() {
        List<RfmScores.PaidSummary> members = new ArrayList<>();
        for (int i = 10; i >= 1; i--) {
            members.add(buyer(i, 0, i, 0));
        }
        assertThat(RfmScores.quintiles(members, RfmScores.PaidSummary::orders))
                .containsExactly(5, 5, 4, 4, 3, 3, 2, 2, 1, 1);
    }

    @Test
    void equalValuesShareTheScoreOfTheirMiddleRank() {
        List<RfmScores.PaidSummary> allEqual = List.of(buyer(1, 0, 2, 0), buyer(2, 0, 2, 0), buyer(3, 0, 2, 0));
        assertThat(RfmScores.quintiles(allEqual, RfmScores.PaidSummary::orders)).containsExactly(3, 3, 3);
        assertThat(RfmScores.quintiles(List.of(buyer(1, 0, 1, 0)), RfmScores.PaidSummary::orders)).containsExactly(3);

        List<RfmScores.PaidSummary> mostlyOneOrder = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            mostlyOneOrder.add(buyer(i, 0, 1, 0));
        }
        mostlyOneOrder.add(buyer(8, 0, 2, 0));
        mostlyOneOrder.add(buyer(9, 0, 7, 0));
        int[] scores = RfmScores.quintiles(mostlyOneOrder, RfmScores.PaidSummary::orders);
        assertThat(scores[0]).as("ranks 0-7, middle 3.5 of 10").isEqualTo(2);
        assertThat(scores[8]).isEqualTo(5);
        assertThat(scores[9]).isEqualTo(5);
    }

    @Test
    void quintileBoundariesAreExact() {
        assertThat(RfmScores.quintileOfMiddle(0, 0, 5)).isEqualTo(1);
        assertThat(RfmScores.quintileOfMiddle(4, 4, 5)).isEqualTo(5);
        assertThat(RfmScores.quintileOfMiddle(19, 19, 100)).as("percentile .195").isEqualTo(1);
        assertThat(RfmScores.quintileOfMiddle(20, 20, 100)).as("percentile .205").isEqualTo(2);
        assertThat(RfmScores.quintileOfMiddle(99, 99, 100)).isEqualTo(5);
    }

    @Test
    void recentFrequentBigSpendersScore555AndLapsedSmallOnesScore111() {
        List<RfmScores.PaidSummary> members = new ArrayList<>();
        members.add(buyer(1, 400, 1, 100));
        for (int i = 2; i <= 9; i++) {
            members.add(buyer(i, 10 * i, i, 1_000 * i));
        }
        members.add(buyer(10, 0, 30, 9_000_000));
        Map<Long, Rfm> scores = RfmScores.score(members, NOW);
        assertThat(scores.get(10L).code()).isEqualTo("555");
        assertThat(scores.get(1L).code()).isEqualTo("111");
        assertThat(scores).hasSize(10);
    }

    @Test
    void recencyCountsWholeDaysSoTheSameDayIsATie() {
        List<RfmScores.PaidSummary> members = List.of(
                new RfmScores.PaidSummary(1, NOW.minus(Duration.ofHours(1)), 1, 1),
                new RfmScores.PaidSummary(2, NOW.minus(Duration.ofHours(20)), 1, 1));
        Map<Long, Rfm> scores = RfmScores.score(members, NOW);
        assertThat(scores.get(1L).recency()).isEqualTo(scores.get(2L).recency());
    }

    static RfmScores.PaidSummary buyer(long id, int daysAgo, long orders, long fen) {
        return new RfmScores.PaidSummary(id, NOW.minus(Duration.ofDays(daysAgo)), orders, fen);
    }
}
