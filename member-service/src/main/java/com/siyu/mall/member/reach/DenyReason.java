package com.siyu.mall.member.reach;

/** Why a permit was refused, checked in this order. */
enum DenyReason {
    MEMBER_DELETED, DELETION_PENDING, NO_CONSENT, QUIET_HOURS, DAILY_CAP, WEEKLY_CAP
}
