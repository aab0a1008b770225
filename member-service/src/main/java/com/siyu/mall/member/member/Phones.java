package com.siyu.mall.member.member;

import com.siyu.mall.common.pii.PiiCipher;
import java.util.regex.Pattern;

/** Mainland China mobile numbers: the only phones a member can register with. */
public final class Phones {

    public static final String REGEX = "^1[3-9]\\d{9}$";
    private static final Pattern PATTERN = Pattern.compile(REGEX);

    private Phones() {
    }

    public static boolean isValid(String phone) {
        return phone != null && PATTERN.matcher(phone).matches();
    }

    /** {@code 13812345678 -> 138****5678}; anything else is masked entirely, so a malformed value never leaks. */
    public static String mask(String phone) {
        return isValid(phone) ? PiiCipher.maskPhone(phone) : "***";
    }
}
