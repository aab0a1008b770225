package com.siyu.mall.catalog.importer;

import com.siyu.mall.common.error.MallException;
import com.siyu.mall.common.error.Problems;
import com.siyu.mall.common.security.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /admin/v1/products/imports}: a CSV file as the multipart part {@code file} or as a {@code text/csv}
 * body. 200 with the report when at least one product was imported; 422 {@code IMPORT_REJECTED} (the same report
 * as problem properties) when rows were all rejected, so nothing changed.
 */
@RestController
class ProductImportController {

    static final String PATH = "/admin/v1/products/imports";

    private final ProductImporter importer;

    ProductImportController(ProductImporter importer) {
        this.importer = importer;
    }

    @PostMapping(path = PATH, consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<?> upload(@RequestParam("file") MultipartFile file) throws IOException {
        if (file.getSize() > ImportFile.MAX_BYTES) {
            throw new MallException(HttpStatus.CONTENT_TOO_LARGE, "IMPORT_TOO_LARGE",
                    "the file is above " + ImportFile.MAX_BYTES + " bytes");
        }
        return answer(importer.importCsv(file.getBytes(), CurrentUser.subject()));
    }

    @PostMapping(path = PATH, consumes = "text/csv")
    ResponseEntity<?> body(HttpServletRequest request) throws IOException {
        try (InputStream in = request.getInputStream()) {
            // one byte more than allowed is enough to know the body is too large, without reading all of it
            return answer(importer.importCsv(in.readNBytes(ImportFile.MAX_BYTES + 1), CurrentUser.subject()));
        }
    }

    private static ResponseEntity<?> answer(ImportReport report) {
        if (report.imported() > 0 || report.failed() == 0) {
            return ResponseEntity.ok(report);
        }
        ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "IMPORT_REJECTED",
                "no row could be imported; see errors");
        problem.setProperty("imported", report.imported());
        problem.setProperty("failed", report.failed());
        problem.setProperty("errors", report.errors());
        return ResponseEntity.unprocessableContent().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
