package com.siyu.mall.catalog.product;

import com.siyu.mall.catalog.product.Spu.Audience;
import com.siyu.mall.catalog.product.Spu.Status;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/** Request bodies of the product API; also what the CSV import builds per product. */
public final class ProductRequests {

    private static final String URL = "https?://\\S+";
    private static final String NOT_BLANK = "(?s).*\\S.*";

    private ProductRequests() {
    }

    public record CreateProductRequest(
            @NotBlank @Size(max = 200) String title,
            @Size(max = 200) String subtitle,
            @Size(max = 20_000) String description,
            @Size(max = 20) List<@NotNull @Size(max = 500) @Pattern(regexp = URL) String> imageUrls,
            Long categoryId,
            Long brandId,
            @Size(max = 20) List<@NotBlank @Size(max = 32) String> tags,
            Audience audience,
            @Min(1) @Max(999) Integer perMemberLimit,
            @Min(-1_000_000) @Max(1_000_000) Integer sortWeight,
            Status status,
            @NotEmpty @Size(max = 50) List<@Valid @NotNull SkuRequest> skus) {

        ProductFields fields() {
            return new ProductFields(title, subtitle, description, imageUrls, categoryId, brandId, tags, audience,
                    perMemberLimit, sortWeight == null ? 0 : sortWeight);
        }
    }

    public record SkuRequest(
            @Size(max = 10) Map<@NotBlank @Size(max = 32) String, @NotBlank @Size(max = 64) String> specs,
            @NotNull @Min(1) @Max(100_000_000) Long priceFen,
            @NotNull @Min(0) @Max(10_000_000) Integer stock,
            @Min(1) @Max(100_000_000) Long originalPriceFen,
            @Size(max = 64) @Pattern(regexp = NOT_BLANK) String barcode,
            @Min(0) @Max(1_000_000) Integer weightGrams) {
    }

    /** PUT: every SPU field is replaced; an absent optional field is cleared. Status changes only by publish/unpublish. */
    record ReplaceProductRequest(
            @NotBlank @Size(max = 200) String title,
            @Size(max = 200) String subtitle,
            @Size(max = 20_000) String description,
            @Size(max = 20) List<@NotNull @Size(max = 500) @Pattern(regexp = URL) String> imageUrls,
            Long categoryId,
            Long brandId,
            @Size(max = 20) List<@NotBlank @Size(max = 32) String> tags,
            Audience audience,
            @Min(1) @Max(999) Integer perMemberLimit,
            @Min(-1_000_000) @Max(1_000_000) Integer sortWeight) {

        ProductFields fields() {
            return new ProductFields(title, subtitle, description, imageUrls, categoryId, brandId, tags, audience,
                    perMemberLimit, sortWeight == null ? 0 : sortWeight);
        }
    }

    /** PATCH: only the fields present (non-null) change. */
    record PatchProductRequest(
            @Size(max = 200) @Pattern(regexp = NOT_BLANK) String title,
            @Size(max = 200) String subtitle,
            @Size(max = 20_000) String description,
            @Size(max = 20) List<@NotNull @Size(max = 500) @Pattern(regexp = URL) String> imageUrls,
            Long categoryId,
            Long brandId,
            @Size(max = 20) List<@NotBlank @Size(max = 32) String> tags,
            Audience audience,
            @Min(1) @Max(999) Integer perMemberLimit,
            @Min(-1_000_000) @Max(1_000_000) Integer sortWeight) {

        boolean isEmpty() {
            return title == null && subtitle == null && description == null && imageUrls == null && categoryId == null
                    && brandId == null && tags == null && audience == null && perMemberLimit == null
                    && sortWeight == null;
        }

        ProductFields applyTo(ProductFields f) {
            return new ProductFields(or(title, f.title()), or(subtitle, f.subtitle()), or(description, f.description()),
                    or(imageUrls, f.imageUrls()), or(categoryId, f.categoryId()), or(brandId, f.brandId()),
                    or(tags, f.tags()), or(audience, f.audience()), or(perMemberLimit, f.perMemberLimit()),
                    or(sortWeight, f.sortWeight()));
        }

        private static <T> T or(T value, T current) {
            return value != null ? value : current;
        }
    }

    /**
     * PATCH of a SKU: only the fields present change. {@code originalPriceFen: 0} removes the strike-through price
     * and {@code barcode: ""} the barcode.
     */
    record PatchSkuRequest(
            @Min(1) @Max(100_000_000) Long priceFen,
            @Min(0) @Max(100_000_000) Long originalPriceFen,
            @Size(max = 64) String barcode,
            @Min(0) @Max(1_000_000) Integer weightGrams,
            @Min(0) @Max(10_000_000) Integer lowStockThreshold) {

        boolean isEmpty() {
            return priceFen == null && originalPriceFen == null && barcode == null && weightGrams == null
                    && lowStockThreshold == null;
        }
    }
}
