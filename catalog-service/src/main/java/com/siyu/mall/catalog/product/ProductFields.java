package com.siyu.mall.catalog.product;

import com.siyu.mall.catalog.product.Spu.Audience;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** A product's editable SPU fields (everything but its status and SKUs), normalised. */
record ProductFields(String title, String subtitle, String description, List<String> imageUrls, Long categoryId,
        Long brandId, List<String> tags, Audience audience, Integer perMemberLimit, int sortWeight) {

    ProductFields {
        title = title.strip();
        subtitle = subtitle == null || subtitle.isBlank() ? null : subtitle.strip();
        imageUrls = imageUrls == null ? List.of() : List.copyOf(imageUrls);
        // the tag table's collation is case-insensitive: "Nike" and "nike" are one tag (the first spelling is kept)
        tags = tags == null ? List.of() : tags.stream().map(String::strip)
                .collect(Collectors.toMap(t -> t.toLowerCase(Locale.ROOT), t -> t,
                        (first, again) -> first, LinkedHashMap::new))
                .values().stream().sorted().toList();
        audience = audience == null ? Audience.PUBLIC : audience;
    }
}
