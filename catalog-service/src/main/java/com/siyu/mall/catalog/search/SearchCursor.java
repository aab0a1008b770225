package com.siyu.mall.catalog.search;

import com.siyu.mall.common.error.MallException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Where a search page ended: the sort and the offset of the next hit, as an opaque string. Relevance has no stable
 * keyset, so search pages by offset: a product that is indexed between two page requests can shift the pages by one.
 */
public final class SearchCursor {

    private static final String PREFIX = "S:";

    private SearchCursor() {
    }

    public static String encode(SearchQuery.Sort sort, int offset) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + sort.name() + ":" + offset).getBytes(StandardCharsets.UTF_8));
    }

    /** 0 for the first page; 400 {@code CURSOR_INVALID} for anything not made by {@link #encode} for this sort. */
    public static int decode(String cursor, SearchQuery.Sort sort) {
        if (cursor == null || cursor.isEmpty()) {
            return 0;
        }
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String expected = PREFIX + sort.name() + ":";
            if (plain.startsWith(expected)) {
                int offset = Integer.parseInt(plain.substring(expected.length()));
                if (offset >= 0 && offset <= ProductIndex.MAX_WINDOW) {
                    return offset;
                }
            }
        } catch (IllegalArgumentException e) {
            // not base64 or not a number: fall through
        }
        throw MallException.badRequest("CURSOR_INVALID", "cursor is not a nextCursor of this search and sort");
    }
}
