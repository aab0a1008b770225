package com.siyu.mall.catalog.importer;

import com.siyu.mall.catalog.importer.ImportFile.Group;
import com.siyu.mall.catalog.importer.ImportReport.ImportedProduct;
import com.siyu.mall.catalog.importer.ImportRows.Built;
import com.siyu.mall.catalog.importer.ImportRows.RowError;
import com.siyu.mall.catalog.product.ProductAdmin;
import com.siyu.mall.common.error.MallException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Imports a CSV file product by product: each {@code spuRef} group is validated like a JSON create and then
 * created through {@link ProductAdmin} in its own transaction (the same rows, stock ledger and ProductPublished
 * event as a single create). A group with any error creates nothing; the other groups are imported.
 */
@Service
class ProductImporter {

    /** Which column a create's business error points at. */
    private static final Map<String, String> FIELD_OF_CODE = Map.of("CATEGORY_NOT_FOUND", "categoryId",
            "BRAND_NOT_FOUND", "brandId", "PRICE_INVALID", "originalPriceFen", "PRODUCT_STATUS_INVALID", "status");
    private static final Set<String> REQUIRED_CONSTRAINTS = Set.of("NotNull", "NotBlank", "NotEmpty");

    private final ProductAdmin admin;
    private final Validator validator;

    ProductImporter(ProductAdmin admin, Validator validator) {
        this.admin = admin;
        this.validator = validator;
    }

    ImportReport importCsv(byte[] file, String actor) {
        List<Group> groups = ImportFile.parse(file);
        List<ImportedProduct> products = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        int imported = 0;
        int failed = 0;
        for (Group group : groups) {
            List<RowError> groupErrors = importGroup(group, actor, products);
            if (groupErrors.isEmpty()) {
                imported += group.rows().size();
            } else {
                failed += group.rows().size();
                errors.addAll(groupErrors);
            }
        }
        errors.sort(Comparator.comparingInt(RowError::row));
        return new ImportReport(imported, failed, products, errors);
    }

    private List<RowError> importGroup(Group group, String actor, List<ImportedProduct> products) {
        Built built = ImportRows.build(group);
        if (!built.errors().isEmpty()) {
            return built.errors();
        }
        List<RowError> violations = validator.validate(built.request()).stream().map(v -> error(group, v)).toList();
        if (!violations.isEmpty()) {
            return violations;
        }
        try {
            long spuId = admin.createForImport(built.request(), actor);
            products.add(new ImportedProduct(group.spuRef(), String.valueOf(spuId)));
            return List.of();
        } catch (MallException e) {
            return List.of(new RowError(group.rows().get(0).number(), FIELD_OF_CODE.get(e.code()), e.code(),
                    e.getMessage()));
        } catch (org.springframework.dao.DataIntegrityViolationException e) {
            // a constraint the checks above did not foresee: this product is rolled back, the others still go in
            return List.of(new RowError(group.rows().get(0).number(), null, "IMPORT_ROW_REJECTED",
                    "the database refused this product: " + e.getMostSpecificCause().getMessage()));
        }
    }

    /** {@code skus[2].priceFen} points at the group's third row; product fields at its first row. */
    private static RowError error(Group group, ConstraintViolation<?> v) {
        Iterator<Path.Node> path = v.getPropertyPath().iterator();
        Path.Node first = path.next();
        int row = group.rows().get(0).number();
        String field = first.getName();
        if ("skus".equals(field) && path.hasNext()) {
            Path.Node second = path.next();
            Integer index = second.getIndex() != null ? second.getIndex() : first.getIndex();
            if (index != null && index < group.rows().size()) {
                row = group.rows().get(index).number();
            }
            field = second.getName() != null && !second.getName().startsWith("<") ? second.getName() : "specs";
        }
        String constraint = v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
        String code = REQUIRED_CONSTRAINTS.contains(constraint) ? "REQUIRED" : "VALUE_INVALID";
        return new RowError(row, field, code, field + " " + v.getMessage());
    }
}
