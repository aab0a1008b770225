package com.siyu.mall.catalog.importer;

import com.siyu.mall.catalog.importer.ImportFile.Column;
import com.siyu.mall.catalog.importer.ImportFile.Group;
import com.siyu.mall.catalog.importer.ImportFile.Row;
import com.siyu.mall.catalog.product.ProductRequests.CreateProductRequest;
import com.siyu.mall.catalog.product.ProductRequests.SkuRequest;
import com.siyu.mall.catalog.product.Spu;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns one {@code spuRef} group into the same request a single create takes, or into row errors: cells that are
 * not numbers, unknown enum values, malformed specs, product columns that differ between a group's rows. The
 * request's own constraints (lengths, ranges) are checked afterwards by bean validation, as for the JSON API.
 */
final class ImportRows {

    static final int MAX_REF_LENGTH = 64;

    record RowError(int row, String field, String code, String message) {
    }

    /** {@code request} is null when {@code errors} is not empty. */
    record Built(Group group, CreateProductRequest request, List<RowError> errors) {
    }

    private ImportRows() {
    }

    static Built build(Group group) {
        List<RowError> errors = new ArrayList<>();
        group.malformed().forEach(n -> errors.add(new RowError(n, null, "ROW_MALFORMED",
                "the row does not have one cell per header column")));
        Row first = group.rows().get(0);
        if (group.spuRef().isBlank()) {
            group.rows().forEach(r -> errors.add(new RowError(r.number(), "spuRef", "REQUIRED",
                    "every row names its product in spuRef")));
            return new Built(group, null, errors);
        }
        if (group.spuRef().length() > MAX_REF_LENGTH) {
            errors.add(new RowError(first.number(), "spuRef", "VALUE_INVALID",
                    "spuRef is at most " + MAX_REF_LENGTH + " characters"));
        }
        for (Row row : group.rows().subList(1, group.rows().size())) {
            for (Column c : Column.SPU_LEVEL) {
                if (!row.get(c).isEmpty() && !row.get(c).equals(first.get(c))) {
                    errors.add(new RowError(row.number(), c.header, "SPU_FIELD_CONFLICT", c.header
                            + " differs from the product's first row " + first.number() + "; leave it empty or repeat it"));
                }
            }
        }
        Cells spu = new Cells(first, errors);
        List<SkuRequest> skus = new ArrayList<>();
        for (Row row : group.rows()) {
            Cells sku = new Cells(row, errors);
            skus.add(new SkuRequest(sku.specs(), sku.required(Column.PRICE_FEN), sku.requiredInt(Column.STOCK),
                    sku.number(Column.ORIGINAL_PRICE_FEN), sku.text(Column.BARCODE), sku.integer(Column.WEIGHT_GRAMS)));
        }
        CreateProductRequest request = new CreateProductRequest(spu.text(Column.TITLE), spu.text(Column.SUBTITLE),
                spu.text(Column.DESCRIPTION), spu.list(Column.IMAGE_URLS), spu.number(Column.CATEGORY_ID),
                spu.number(Column.BRAND_ID), spu.list(Column.TAGS), spu.enumValue(Column.AUDIENCE, Spu.Audience.class),
                spu.integer(Column.PER_MEMBER_LIMIT), spu.integer(Column.SORT_WEIGHT),
                spu.enumValue(Column.STATUS, Spu.Status.class), skus);
        return new Built(group, errors.isEmpty() ? request : null, errors);
    }

    /** Typed reads of one row's cells; a cell that does not parse adds an error and reads as null. */
    private record Cells(Row row, List<RowError> errors) {

        String text(Column c) {
            String v = row.get(c);
            return v.isEmpty() ? null : v;
        }

        List<String> list(Column c) {
            String v = row.get(c);
            return v.isEmpty() ? null : Arrays.stream(v.split("\\|")).map(String::strip).filter(s -> !s.isEmpty())
                    .toList();
        }

        Long number(Column c) {
            String v = row.get(c);
            if (v.isEmpty()) {
                return null;
            }
            try {
                return Long.parseLong(v);
            } catch (NumberFormatException e) {
                errors.add(new RowError(row.number(), c.header, "NUMBER_INVALID", "'" + v + "' is not a whole number"));
                return null;
            }
        }

        Integer integer(Column c) {
            Long v = number(c);
            if (v != null && (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE)) {
                errors.add(new RowError(row.number(), c.header, "NUMBER_INVALID", v + " is out of range"));
                return null;
            }
            return v == null ? null : v.intValue();
        }

        Long required(Column c) {
            if (row.get(c).isEmpty()) {
                errors.add(new RowError(row.number(), c.header, "REQUIRED", c.header + " is required on every row"));
                return null;
            }
            return number(c);
        }

        Integer requiredInt(Column c) {
            if (row.get(c).isEmpty()) {
                errors.add(new RowError(row.number(), c.header, "REQUIRED", c.header + " is required on every row"));
                return null;
            }
            return integer(c);
        }

        <E extends Enum<E>> E enumValue(Column c, Class<E> type) {
            String v = row.get(c);
            if (v.isEmpty()) {
                return null;
            }
            try {
                return Enum.valueOf(type, v.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new RowError(row.number(), c.header, "VALUE_INVALID", "'" + v + "' is not one of "
                        + Arrays.toString(type.getEnumConstants())));
                return null;
            }
        }

        /** {@code color=red;size=M}; keys unique. */
        Map<String, String> specs() {
            String v = row.get(Column.SPECS);
            Map<String, String> specs = new LinkedHashMap<>();
            if (v.isEmpty()) {
                return specs;
            }
            for (String pair : v.split(";")) {
                if (pair.isBlank()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String key = eq < 0 ? "" : pair.substring(0, eq).strip();
                if (eq < 0 || key.isEmpty() || specs.put(key, pair.substring(eq + 1).strip()) != null) {
                    errors.add(new RowError(row.number(), "specs", "SPECS_INVALID",
                            "specs are key=value pairs separated by ';', each key once; was '" + v + "'"));
                    return specs;
                }
            }
            return specs;
        }
    }
}
