package com.siyu.mall.contracts.member;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/**
 * {@code POST /internal/reach/permits}: may this campaign send this member one marketing message on this channel
 * ({@code SMS}, {@code WECHAT_SUBSCRIBE}, {@code WECOM}, {@code APP_PUSH}) now? Asking again for the same member,
 * channel and campaign returns the first grant.
 */
public record ReachPermitRequest(@NotNull @Positive Long memberId, @NotBlank String channel,
        @NotNull @Positive Long campaignId) {
}
