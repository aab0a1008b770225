package com.siyu.mall.member.points;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The FIFO expiry and refund maths, simulated over a few years without Spring. */
class PointsExpiryTest {

    /** A tiny ledger: credits with an expiry year, an available balance, and the job's rule. */
    static final class Book {
        long available;
        long earnedTotal;
        final long[] earnedExpiringIn = new long[3000];

        void earn(int expiryYear, long points) {
            available += points;
            earnedTotal += points;
            earnedExpiringIn[expiryYear] += points;
        }

        void spend(long points) {
            available -= points;
        }

        long earnedExpiringBy(int year) {
            long sum = 0;
            for (int y = 0; y <= year; y++) {
                sum += earnedExpiringIn[y];
            }
            return sum;
        }

        /** What the job writes at the start of {@code year}: an EXPIRED row of this size. */
        long expire(int year) {
            long n = PointsRules.expiringBy(available, earnedTotal, earnedExpiringBy(year));
            available -= n;
            return n;
        }
    }

    @Test
    void spendingUsesTheOldestEarningsFirst() {
        Book book = new Book();
        book.earn(2026, 100); // earned in 2024
        book.earn(2027, 50);  // earned in 2025
        book.spend(30);
        assertThat(book.expire(2026)).isEqualTo(70);
        assertThat(book.available).isEqualTo(50);
        assertThat(book.expire(2027)).isEqualTo(50);
        assertThat(book.available).isZero();
    }

    @Test
    void spendingMoreThanTheOldestEarningsEatsIntoTheNextYear() {
        Book book = new Book();
        book.earn(2026, 100);
        book.earn(2027, 50);
        book.spend(120);
        assertThat(book.expire(2026)).isZero();
        assertThat(book.expire(2027)).isEqualTo(30);
    }

    @Test
    void aSecondRunForTheSameMomentExpiresNothing() {
        Book book = new Book();
        book.earn(2026, 100);
        assertThat(book.expire(2026)).isEqualTo(100);
        assertThat(book.expire(2026)).isZero();
    }

    @Test
    void earningsAfterAnExpiryAreNotTouchedByIt() {
        Book book = new Book();
        book.earn(2026, 40);
        assertThat(book.expire(2026)).isEqualTo(40);
        book.earn(2028, 25);
        book.spend(5);
        assertThat(book.expire(2027)).isZero();
        assertThat(book.expire(2028)).isEqualTo(20);
    }

    @Test
    void expiringSoonIsWhatTheJobWillExpire() {
        Book book = new Book();
        book.earn(2026, 100);
        book.earn(2027, 80);
        book.spend(130);
        long soon = PointsRules.expiringBy(book.available, book.earnedTotal, book.earnedExpiringBy(2026));
        assertThat(soon).isEqualTo(book.expire(2026)).isZero();
        soon = PointsRules.expiringBy(book.available, book.earnedTotal, book.earnedExpiringBy(2027));
        assertThat(soon).isEqualTo(book.expire(2027)).isEqualTo(50);
    }

    @Test
    void partialRefundsAddUpToAFullRefund() {
        long earned = 107;
        long payable = 10_999;
        long first = PointsRules.reversedByRefund(earned, payable, 0, 3_333);
        long second = PointsRules.reversedByRefund(earned, payable, 3_333, 3_333);
        long third = PointsRules.reversedByRefund(earned, payable, 6_666, 4_333);
        assertThat(first).isEqualTo(32); // floor(107 × 3333 / 10999)
        assertThat(first + second + third).isEqualTo(earned);
        assertThat(PointsRules.reversedByRefund(earned, payable, 0, payable)).isEqualTo(earned);
    }

    @Test
    void refundingMoreThanWasPaidTakesBackNoMoreThanWasEarned() {
        assertThat(PointsRules.reversedByRefund(50, 5_000, 0, 9_000)).isEqualTo(50);
        assertThat(PointsRules.reversedByRefund(50, 5_000, 5_000, 100)).isZero();
        assertThat(PointsRules.reversedByRefund(0, 5_000, 0, 100)).isZero();
        assertThat(PointsRules.reversedByRefund(50, 5_000, 0, 0)).isZero();
    }
}
