package com.siyu.mall.member.member;

import java.time.Instant;

/** What a member (or an operator) sees of a member: the phone is always masked. */
public record MemberView(String memberId, String phone, String nickname, String inviteCode, Instant createdAt) {

    static MemberView from(Member member, String phone) {
        return new MemberView(String.valueOf(member.getId()), Phones.mask(phone), member.getNickname(),
                member.getInviteCode(), member.getCreatedAt());
    }
}
