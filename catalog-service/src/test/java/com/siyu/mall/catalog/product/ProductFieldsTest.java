package com.siyu.mall.catalog.product;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProductFieldsTest {

    @Test
    void tagsThatDifferOnlyInCaseAreOneTagAsTheDatabaseSeesThem() {
        ProductFields fields = new ProductFields(" 连衣裙 ", null, null, null, null, null,
                List.of("Nike", " nike", "夏季", "NIKE ", "夏季"), Spu.Audience.PUBLIC, null, 0);

        assertThat(fields.tags()).containsExactly("Nike", "夏季");
        assertThat(fields.title()).isEqualTo("连衣裙");
    }
}
