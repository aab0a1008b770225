package com.siyu.mall.catalog.audience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.siyu.mall.common.error.MallException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class AudienceRulesTest {

    @Test
    void onlyNewMembersOnlyProductsAreLimitedDefaultOne() {
        assertThat(AudienceRules.limit("PUBLIC", 3)).isNull();
        assertThat(AudienceRules.limit("MEMBERS_ONLY", 3)).isNull();
        assertThat(AudienceRules.limit("NEW_MEMBERS_ONLY", null)).isEqualTo(1);
        assertThat(AudienceRules.limit("NEW_MEMBERS_ONLY", 3)).isEqualTo(3);
    }

    @Test
    void unlimitedProductsAcceptAnyMember() {
        assertThatCode(() -> AudienceRules.checkMember(1, "MEMBERS_ONLY", null, "LOYAL", 50, 99))
                .doesNotThrowAnyException();
    }

    @Test
    void rejectsMembersPastTheNewLifecycle() {
        for (String lifecycle : new String[] {"FIRST_ORDER", "REPEAT", "LOYAL", "DORMANT", null}) {
            assertThatThrownBy(() -> AudienceRules.checkMember(1, "NEW_MEMBERS_ONLY", null, lifecycle, 0, 1))
                    .isInstanceOfSatisfying(MallException.class, e -> {
                        assertThat(e.code()).isEqualTo("AUDIENCE_NEW_MEMBERS_ONLY");
                        assertThat(e.status()).isEqualTo(HttpStatus.FORBIDDEN);
                    });
        }
    }

    @Test
    void newMemberMayBuyUpToTheLimitCountingWhatTheyHold() {
        assertThatCode(() -> AudienceRules.checkMember(1, "NEW_MEMBERS_ONLY", 3, "NEW", 1, 2))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> AudienceRules.checkMember(1, "NEW_MEMBERS_ONLY", 3, "NEW", 2, 2))
                .isInstanceOfSatisfying(MallException.class, e -> {
                    assertThat(e.code()).isEqualTo("NEW_MEMBER_LIMIT_EXCEEDED");
                    assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT);
                });
        assertThatThrownBy(() -> AudienceRules.checkMember(1, "NEW_MEMBERS_ONLY", null, "NEW", 0, 2))
                .isInstanceOf(MallException.class);
    }

    @Test
    void withinLimit() {
        assertThat(AudienceRules.withinLimit(null, 1000, 1000)).isTrue();
        assertThat(AudienceRules.withinLimit(1, 0, 1)).isTrue();
        assertThat(AudienceRules.withinLimit(1, 1, 1)).isFalse();
    }
}
