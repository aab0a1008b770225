package com.siyu.mall.common.security;

import com.siyu.mall.common.error.MallException;
import java.util.OptionalLong;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** Who is calling: always from the verified token, never from a request body. */
public final class CurrentUser {

    private CurrentUser() {
    }

    /** The calling member's id (the token subject). */
    public static long memberId() {
        return optionalMemberId().orElseThrow(() ->
                new MallException(HttpStatus.FORBIDDEN, "MEMBER_TOKEN_REQUIRED", "this endpoint needs a member token"));
    }

    /** The calling member's id, or empty for anonymous callers and operators (public endpoints that vary by viewer). */
    public static OptionalLong optionalMemberId() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth instanceof JwtAuthenticationToken jwt && auth.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals("ROLE_" + Roles.MEMBER))) {
            try {
                return OptionalLong.of(Long.parseLong(jwt.getToken().getSubject()));
            } catch (NumberFormatException e) {
                // not a member token
            }
        }
        return OptionalLong.empty();
    }

    public static String subject() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null ? "anonymous" : auth.getName();
    }
}
