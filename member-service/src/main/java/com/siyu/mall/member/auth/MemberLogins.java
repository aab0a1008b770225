package com.siyu.mall.member.auth;

import com.siyu.mall.member.auth.AuthRequests.LoginRequest;
import com.siyu.mall.member.auth.AuthRequests.TokenPair;
import com.siyu.mall.member.member.Members;
import org.springframework.stereotype.Component;

/** SMS login: the first login of a phone registers it. */
@Component
class MemberLogins {

    private final Members members;
    private final SmsCodes smsCodes;
    private final TokenIssuer tokens;
    private final RefreshTokens refreshTokens;
    private final Freezes freezes;

    MemberLogins(Members members, SmsCodes smsCodes, TokenIssuer tokens, RefreshTokens refreshTokens, Freezes freezes) {
        this.members = members;
        this.smsCodes = smsCodes;
        this.tokens = tokens;
        this.refreshTokens = refreshTokens;
        this.freezes = freezes;
    }

    /** A frozen member gets 403 MEMBER_FROZEN only after proving the phone, so the answer leaks nothing to others. */
    TokenPair login(LoginRequest request) {
        Long memberId = members.findIdByPhone(request.phone()).orElse(null);
        // An invite only matters for a new member; it is checked before the code is spent, so a bad invite
        // code changes nothing.
        Long inviterId = memberId == null && request.inviteCode() != null ? members.inviterIdFor(request.inviteCode()) : null;
        smsCodes.verify(request.phone(), request.code());
        if (memberId == null) {
            memberId = members.register(request.phone(), inviterId);
        }
        return loggedIn(memberId);
    }

    /** Tokens for a member whose identity was just proven; 403 MEMBER_FROZEN for a frozen member. */
    TokenPair loggedIn(long memberId) {
        freezes.checkNotFrozen(memberId);
        return pairFor(memberId, refreshTokens.issue(memberId));
    }

    TokenPair refresh(String refreshToken) {
        RefreshTokens.Rotation rotation = refreshTokens.rotate(refreshToken);
        return pairFor(rotation.memberId(), rotation.refreshToken());
    }

    void logout(long memberId, String refreshToken) {
        refreshTokens.revokeFamilyOf(refreshToken, memberId);
    }

    private TokenPair pairFor(long memberId, String refreshToken) {
        TokenIssuer.AccessToken access = tokens.forMember(memberId);
        return new TokenPair(access.value(), refreshToken, access.expiresIn(), String.valueOf(memberId));
    }
}
