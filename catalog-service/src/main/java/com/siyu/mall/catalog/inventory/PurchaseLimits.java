package com.siyu.mall.catalog.inventory;

import com.siyu.mall.catalog.audience.AudienceRules;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per-member unit limits of limited products (NEW_MEMBERS_ONLY) within one reservation batch, no Spring, no SQL.
 * The caller loads the locked {@code member_spu_purchase} rows and what stored reservations counted; this decides
 * in memory alongside {@link Allocation} and the caller writes {@link #counters()} and {@link #counted()}.
 */
final class PurchaseLimits {

    record Key(long memberId, long spuId) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = Long.compare(memberId, o.memberId);
            return c != 0 ? c : Long.compare(spuId, o.spuId);
        }
    }

    /** A limited product a SKU belongs to. */
    record Limited(long spuId, int limit) {
    }

    /** Units of one product one order counted against its member's counter. */
    record Counted(long orderId, long memberId, long spuId, int quantity) {
    }

    static final class Counter {
        final boolean stored;
        int quantity;
        boolean changed;

        Counter(boolean stored, int quantity) {
            this.stored = stored;
            this.quantity = quantity;
        }
    }

    private final Map<Long, Limited> limitedBySku;
    private final Map<Key, Counter> counters = new TreeMap<>();
    private final Map<Long, List<Counted>> countedByOrder = new HashMap<>();
    private final List<Counted> newlyCounted = new ArrayList<>();

    /**
     * @param limitedBySku the batch's SKUs that belong to a limited product
     * @param stored       the existing counter rows (locked), by (member, product)
     * @param counted      what the batch's stored reservations counted, by order
     */
    PurchaseLimits(Map<Long, Limited> limitedBySku, Map<Key, Integer> stored, Map<Long, List<Counted>> counted) {
        this.limitedBySku = limitedBySku;
        stored.forEach((key, quantity) -> counters.put(key, new Counter(true, quantity)));
        this.countedByOrder.putAll(counted);
    }

    static PurchaseLimits none() {
        return new PurchaseLimits(Map.of(), Map.of(), Map.of());
    }

    /** The SKUs (sorted) of the limited products this order would take its member over the limit on. */
    List<Long> exceeding(long memberId, Map<Long, Integer> wanted) {
        Map<Long, Integer> units = unitsBySpu(wanted);
        List<Long> skus = new ArrayList<>();
        wanted.keySet().forEach(skuId -> {
            Limited limited = limitedBySku.get(skuId);
            if (limited != null && !AudienceRules.withinLimit(limited.limit(), held(memberId, limited.spuId()),
                    units.get(limited.spuId()))) {
                skus.add(skuId);
            }
        });
        return skus;
    }

    void count(long orderId, long memberId, Map<Long, Integer> wanted) {
        unitsBySpu(wanted).forEach((spuId, quantity) -> {
            Counter counter = counters.computeIfAbsent(new Key(memberId, spuId), k -> new Counter(false, 0));
            counter.quantity += quantity;
            counter.changed = true;
            Counted counted = new Counted(orderId, memberId, spuId, quantity);
            countedByOrder.computeIfAbsent(orderId, k -> new ArrayList<>()).add(counted);
            newlyCounted.add(counted);
        });
    }

    /** A released reservation gives back what it counted. */
    void release(long orderId) {
        for (Counted counted : countedByOrder.getOrDefault(orderId, List.of())) {
            Counter counter = counters.get(new Key(counted.memberId(), counted.spuId()));
            if (counter == null) {
                throw new IllegalStateException("no purchase counter loaded for " + counted);
            }
            counter.quantity = Math.max(0, counter.quantity - counted.quantity());
            counter.changed = true;
        }
    }

    private int held(long memberId, long spuId) {
        Counter counter = counters.get(new Key(memberId, spuId));
        return counter == null ? 0 : counter.quantity;
    }

    private Map<Long, Integer> unitsBySpu(Map<Long, Integer> wanted) {
        Map<Long, Integer> units = new TreeMap<>();
        wanted.forEach((skuId, quantity) -> {
            Limited limited = limitedBySku.get(skuId);
            if (limited != null) {
                units.merge(limited.spuId(), quantity, Integer::sum);
            }
        });
        return units;
    }

    Map<Key, Counter> counters() {
        return counters;
    }

    List<Counted> counted() {
        return newlyCounted;
    }
}
