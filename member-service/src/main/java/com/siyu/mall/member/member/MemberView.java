package com.siyu.mall.member.member;

import java.time.Instant;
import java.time.LocalDate;

/** What a member (or an operator) sees of a member: the phone is always masked. */
public record MemberView(String memberId, String phone, String nickname, String avatarUrl, String gender,
        LocalDate birthday, String inviteCode, String level, String lifecycle, Instant createdAt) {

    static MemberView from(Member member, String phone, String level, String lifecycle) {
        return new MemberView(String.valueOf(member.getId()), Phones.mask(phone), member.getNickname(),
                member.getAvatarUrl(), member.getGender(), member.getBirthday(), member.getInviteCode(), level,
                lifecycle, member.getCreatedAt());
    }
}
