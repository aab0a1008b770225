package com.siyu.mall.catalog.product;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The JSON text columns: a SKU's specs and a SPU's image URLs. */
@Component
class ProductJson {

    private static final TypeReference<Map<String, String>> SPECS = new TypeReference<>() { };
    private static final TypeReference<List<String>> URLS = new TypeReference<>() { };

    private final JsonMapper json;

    ProductJson(JsonMapper json) {
        this.json = json;
    }

    /** Keys sorted, so equal specs are stored equally. */
    String writeSpecs(Map<String, String> specs) {
        return json.writeValueAsString(specs == null ? Map.of() : new TreeMap<>(specs));
    }

    Map<String, String> specs(Sku sku) {
        return json.readValue(sku.getSpecs(), SPECS);
    }

    String writeImageUrls(List<String> urls) {
        return json.writeValueAsString(urls);
    }

    List<String> imageUrls(String column) {
        return column == null || column.isBlank() ? List.of() : json.readValue(column, URLS);
    }

    ProductFields fields(Spu spu, List<String> tags) {
        return new ProductFields(spu.getTitle(), spu.getSubtitle(), spu.getDescription(), imageUrls(spu.getImageUrls()),
                spu.getCategoryId(), spu.getBrandId(), tags, spu.getAudience(), spu.getPerMemberLimit(),
                spu.getSortWeight());
    }
}
