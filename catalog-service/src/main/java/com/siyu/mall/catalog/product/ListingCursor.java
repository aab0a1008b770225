package com.siyu.mall.catalog.product;

import com.siyu.mall.common.error.MallException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * Where a listing page ended: the sort, the last item's sort key and its id (the tie-breaker), as an opaque
 * URL-safe string. A cursor only continues the sort it was made for.
 */
record ListingCursor(Sort sort, long key, long id) {

    enum Sort {
        NEWEST, PRICE_ASC, PRICE_DESC, SALES;

        static Sort parse(String value) {
            if (value == null || value.isBlank()) {
                return NEWEST;
            }
            try {
                return valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw MallException.badRequest("SORT_INVALID",
                        "sort is one of newest, price_asc, price_desc, sales; was " + value);
            }
        }
    }

    String encode() {
        String plain = sort.name() + ":" + key + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** null for the first page; 400 {@code CURSOR_INVALID} for anything this class did not make for {@code sort}. */
    static ListingCursor decode(String cursor, Sort sort) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":");
            if (parts.length == 3 && parts[0].equals(sort.name())) {
                return new ListingCursor(sort, Long.parseLong(parts[1]), Long.parseLong(parts[2]));
            }
        } catch (IllegalArgumentException e) {
            // not base64 or not numbers: fall through
        }
        throw MallException.badRequest("CURSOR_INVALID", "cursor is not a nextCursor of this listing and sort");
    }
}
