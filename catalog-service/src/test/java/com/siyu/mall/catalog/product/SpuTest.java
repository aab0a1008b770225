package com.siyu.mall.catalog.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.siyu.mall.catalog.product.Spu.Audience;
import com.siyu.mall.catalog.product.Spu.Status;
import com.siyu.mall.common.error.MallException;
import org.junit.jupiter.api.Test;

class SpuTest {

    @Test
    void publishAndUnpublishMoveBetweenOnSaleAndOffSaleOnce() {
        Spu spu = Spu.create(Status.DRAFT);
        assertThat(spu.publish()).isTrue();
        assertThat(spu.publish()).isFalse();
        assertThat(spu.unpublish()).isTrue();
        assertThat(spu.getStatus()).isEqualTo(Status.OFF_SALE);
        assertThat(spu.unpublish()).isFalse();
        assertThat(spu.publish()).isTrue();
    }

    @Test
    void aDraftCannotBeUnpublishedNorAProductCreatedOffSale() {
        assertCode(() -> Spu.create(Status.DRAFT).unpublish(), "PRODUCT_STATE_CONFLICT");
        assertCode(() -> Spu.create(Status.OFF_SALE), "PRODUCT_STATUS_INVALID");
    }

    @Test
    void membersOnlyProductsAreSellableOnlyToMembers() {
        Spu spu = Spu.create(Status.ON_SALE);
        spu.setAudience(Audience.PUBLIC);
        assertThat(spu.sellableTo(false)).isTrue();
        spu.setAudience(Audience.MEMBERS_ONLY);
        assertThat(spu.sellableTo(false)).isFalse();
        assertThat(spu.sellableTo(true)).isTrue();
        spu.setAudience(Audience.NEW_MEMBERS_ONLY);
        assertThat(spu.sellableTo(false)).isFalse();
        assertThat(spu.sellableTo(true)).isTrue();
    }

    @Test
    void nothingIsSellableUnlessOnSale() {
        Spu spu = Spu.create(Status.DRAFT);
        spu.setAudience(Audience.PUBLIC);
        assertThat(spu.sellableTo(true)).isFalse();
    }

    private static void assertCode(Runnable action, String code) {
        assertThatThrownBy(action::run).isInstanceOf(MallException.class)
                .satisfies(e -> assertThat(((MallException) e).code()).isEqualTo(code));
    }
}
