package com.siyu.mall.member.segment;

/** RFM scores 1–5 (5 = most recent, most frequent, most paid); {@code code} is e.g. {@code "534"}. */
record Rfm(int recency, int frequency, int monetary) {

    String code() {
        return "" + recency + frequency + monetary;
    }
}
