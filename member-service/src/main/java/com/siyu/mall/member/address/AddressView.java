package com.siyu.mall.member.address;

import com.siyu.mall.member.member.Phones;
import java.time.Instant;

/** An address as its owner sees it: the receiver's phone is masked. */
record AddressView(String id, String receiverName, String phone, String province, String city, String district,
        String detail, boolean isDefault, Instant createdAt, Instant updatedAt) {

    static AddressView of(long id, String receiverName, String phone, String province, String city, String district,
            String detail, boolean isDefault, Instant createdAt, Instant updatedAt) {
        return new AddressView(String.valueOf(id), receiverName, Phones.mask(phone), province, city, district, detail,
                isDefault, createdAt, updatedAt);
    }
}
