package com.siyu.mall.catalog.importer;

import com.siyu.mall.catalog.importer.ImportRows.RowError;
import java.util.List;

/**
 * The outcome of one file: rows imported and rows failed (a product's rows count together, all or nothing), the
 * products created and why rows failed.
 */
record ImportReport(int imported, int failed, List<ImportedProduct> products, List<RowError> errors) {

    record ImportedProduct(String spuRef, String spuId) {
    }
}
