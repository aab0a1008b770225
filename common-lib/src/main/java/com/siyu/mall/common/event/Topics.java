package com.siyu.mall.common.event;

import java.util.List;

/** One topic per producing service; key = aggregate id so one aggregate's events stay ordered. */
public final class Topics {

    public static final String MEMBER = "mall.member.events";
    public static final String CATALOG = "mall.catalog.events";
    public static final String ORDER = "mall.order.events";
    public static final String PROMOTION = "mall.promotion.events";
    public static final String DISTRIBUTION = "mall.distribution.events";

    public static final List<String> ALL = List.of(MEMBER, CATALOG, ORDER, PROMOTION, DISTRIBUTION);

    private Topics() {
    }

    public static String deadLetter(String topic) {
        return topic + ".DLT";
    }
}
