package com.siyu.mall.common.security;

public final class Roles {
    public static final String MEMBER = "MEMBER";
    public static final String ADMIN = "ADMIN";
    public static final String OPS = "OPS";
    /** JWT claim that lists the roles. */
    public static final String CLAIM = "roles";

    private Roles() {
    }
}
