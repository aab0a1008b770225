package com.siyu.mall.catalog.product;

import com.siyu.mall.common.security.Roles;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is browsing: members (a verified token with role MEMBER) also see members-only products. */
final class Viewer {

    private Viewer() {
    }

    static boolean isMember() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.isAuthenticated()
                && auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_" + Roles.MEMBER));
    }
}
