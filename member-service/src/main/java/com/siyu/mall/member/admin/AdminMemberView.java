package com.siyu.mall.member.admin;

import com.siyu.mall.member.auth.Freezes.FreezeStatus;
import com.siyu.mall.member.member.MemberView;
import java.time.Instant;
import java.time.LocalDate;

/** The member's own view plus what only operators see: {@code status} (ACTIVE/FROZEN) and the current freeze. */
record AdminMemberView(String memberId, String phone, String nickname, String avatarUrl, String gender,
        LocalDate birthday, String inviteCode, String level, String lifecycle, Instant createdAt, String status,
        String frozenReason, String frozenBy, Instant frozenAt) {

    static AdminMemberView of(MemberView m, FreezeStatus freeze) {
        return new AdminMemberView(m.memberId(), m.phone(), m.nickname(), m.avatarUrl(), m.gender(), m.birthday(),
                m.inviteCode(), m.level(), m.lifecycle(), m.createdAt(), freeze.status(), freeze.reason(),
                freeze.frozenBy(), freeze.frozenAt());
    }
}
