package com.siyu.mall.catalog.inventory;

import com.siyu.mall.common.event.EventJson;
import com.siyu.mall.common.event.Topics;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/**
 * Order events, each applied once: created → reserve, cancelled → release, paid → confirm. They arrive in
 * batches (one poll of a partition) and are applied in one transaction by {@link OrderEventBatch}. When that fails,
 * the batch is replayed event by event, each as a batch of one in its own transaction. An event that still fails is
 * reported by its index, so common-lib's error handler commits the ones before it, retries it with backoff and then
 * parks it on the DLT: one poison event never blocks the partition.
 */
@Component
class OrderEventHandler {

    private static final Logger log = LoggerFactory.getLogger(OrderEventHandler.class);

    private final EventJson events;
    private final OrderEventBatch batch;

    OrderEventHandler(EventJson events, OrderEventBatch batch) {
        this.events = events;
        this.batch = batch;
    }

    @KafkaListener(topics = Topics.ORDER, batch = "true")
    void on(List<String> messages) {
        try {
            batch.apply(messages.stream().map(events::read).toList());
        } catch (RuntimeException e) {
            log.warn("batch of {} order events failed ({}); applying them one by one", messages.size(), e.toString());
            for (int i = 0; i < messages.size(); i++) {
                try {
                    one(messages.get(i));
                } catch (RuntimeException failed) {
                    throw new BatchListenerFailedException("order event failed", failed, i);
                }
            }
        }
    }

    /** A batch of one: the same rules, and a failure that names its event. */
    private void one(String message) {
        batch.apply(List.of(events.read(message)));
    }
}
