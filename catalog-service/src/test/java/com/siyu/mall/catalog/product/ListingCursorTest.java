package com.siyu.mall.catalog.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.siyu.mall.catalog.product.ListingCursor.Sort;
import com.siyu.mall.common.error.MallException;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class ListingCursorTest {

    @Test
    void roundTripsSortKeyAndId() {
        ListingCursor cursor = new ListingCursor(Sort.PRICE_DESC, 1999, 1_234_567_890_123_456_789L);
        String encoded = cursor.encode();
        assertThat(encoded).matches("[A-Za-z0-9_-]+");
        assertThat(ListingCursor.decode(encoded, Sort.PRICE_DESC)).isEqualTo(cursor);
    }

    @Test
    void noCursorMeansTheFirstPage() {
        assertThat(ListingCursor.decode(null, Sort.NEWEST)).isNull();
        assertThat(ListingCursor.decode("", Sort.NEWEST)).isNull();
    }

    @Test
    void aCursorOnlyContinuesItsOwnSort() {
        String sales = new ListingCursor(Sort.SALES, 3, 42).encode();
        assertInvalid(() -> ListingCursor.decode(sales, Sort.PRICE_ASC));
    }

    @Test
    void rejectsGarbage() {
        assertInvalid(() -> ListingCursor.decode("not base64!", Sort.NEWEST));
        assertInvalid(() -> ListingCursor.decode("12345", Sort.NEWEST));
        String wrongShape = Base64.getUrlEncoder().encodeToString("NEWEST:x:1".getBytes());
        assertInvalid(() -> ListingCursor.decode(wrongShape, Sort.NEWEST));
    }

    @Test
    void parsesSortNamesAndDefaultsToNewest() {
        assertThat(Sort.parse(null)).isEqualTo(Sort.NEWEST);
        assertThat(Sort.parse("price_asc")).isEqualTo(Sort.PRICE_ASC);
        assertThat(Sort.parse("sales")).isEqualTo(Sort.SALES);
        assertThatThrownBy(() -> Sort.parse("relevance")).isInstanceOf(MallException.class)
                .satisfies(e -> assertThat(((MallException) e).code()).isEqualTo("SORT_INVALID"));
    }

    private static void assertInvalid(Runnable action) {
        assertThatThrownBy(action::run).isInstanceOf(MallException.class)
                .satisfies(e -> assertThat(((MallException) e).code()).isEqualTo("CURSOR_INVALID"));
    }
}
