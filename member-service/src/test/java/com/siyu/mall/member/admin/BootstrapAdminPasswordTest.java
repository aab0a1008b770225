package com.siyu.mall.member.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BootstrapAdminPasswordTest {

    @Test
    void refusesToStartWithoutAPasswordOutsideTheLocalProfile() {
        assertThatThrownBy(() -> AdminAccounts.bootstrapPassword(null, false))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("MALL_ADMIN_PASSWORD");
    }

    @Test
    void usesTheLocalDefaultOnlyUnderTheLocalProfile() {
        assertThat(AdminAccounts.bootstrapPassword(null, true)).isEqualTo("admin123");
        assertThat(AdminAccounts.bootstrapPassword("s3cret!", false)).isEqualTo("s3cret!");
    }
}
