package com.siyu.mall.catalog.product;

import com.siyu.mall.catalog.product.Spu.Audience;
import java.util.List;

/** A product's editable SPU fields (everything but its status and SKUs), normalised. */
record ProductFields(String title, String subtitle, String description, List<String> imageUrls, Long categoryId,
        Long brandId, List<String> tags, Audience audience, Integer perMemberLimit, int sortWeight) {

    ProductFields {
        title = title.strip();
        subtitle = subtitle == null || subtitle.isBlank() ? null : subtitle.strip();
        imageUrls = imageUrls == null ? List.of() : List.copyOf(imageUrls);
        tags = tags == null ? List.of() : tags.stream().map(String::strip).distinct().sorted().toList();
        audience = audience == null ? Audience.PUBLIC : audience;
    }
}
