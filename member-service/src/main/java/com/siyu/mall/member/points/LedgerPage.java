package com.siyu.mall.member.points;

import java.util.List;

/** Newest first; {@code nextCursor} is null on the last page. */
record LedgerPage(List<LedgerEntry> items, String nextCursor) {
}
