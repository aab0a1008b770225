package com.siyu.mall.member.auth;

import com.siyu.mall.member.member.Phones;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local stack's SMS provider ({@code mall.sms.provider=log}): the code goes to the log, next to the masked
 * phone. It also remembers the last code per phone so tests and the demo journey can read it back.
 */
class LogSmsSender implements SmsSender {

    private static final Logger log = LoggerFactory.getLogger(LogSmsSender.class);

    private static final int REMEMBERED_PHONES = 10_000;

    // bounded, so a load test that logs in a million phones does not grow the heap without limit
    private final Map<String, String> lastCodes = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > REMEMBERED_PHONES;
        }
    };

    @Override
    public void sendLoginCode(String phone, String code) {
        synchronized (lastCodes) {
            lastCodes.put(phone, code);
        }
        log.info("[sms:log] login code for {} is {}", Phones.mask(phone), code);
    }

    Optional<String> lastCode(String phone) {
        synchronized (lastCodes) {
            return Optional.ofNullable(lastCodes.get(phone));
        }
    }
}
