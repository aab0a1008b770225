package com.siyu.mall.member.member;

public enum Gender {
    MALE, FEMALE, UNKNOWN
}
