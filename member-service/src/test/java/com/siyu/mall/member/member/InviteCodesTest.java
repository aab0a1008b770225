package com.siyu.mall.member.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InviteCodesTest {

    @Test
    void codesAreEightCharactersWithoutLookAlikes() {
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String code = InviteCodes.next();
            assertThat(code).hasSize(8).matches("[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}");
            codes.add(code);
        }
        assertThat(codes).hasSize(1000);
    }
}
