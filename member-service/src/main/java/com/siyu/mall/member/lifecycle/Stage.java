package com.siyu.mall.member.lifecycle;

public enum Stage {
    NEW, FIRST_ORDER, REPEAT, LOYAL, DORMANT
}
