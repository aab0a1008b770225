package com.siyu.mall.catalog.importer;

import com.siyu.mall.common.error.MallException;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.http.HttpStatus;

/**
 * A product CSV file (UTF-8, optional BOM, a header row, one row per SKU), parsed with Commons CSV and grouped by
 * {@code spuRef}. Problems with the file as a whole are 4xx problems and import nothing; problems of single rows are
 * left to {@link ImportRows}. Row numbers are spreadsheet rows: the header is row 1.
 */
final class ImportFile {

    static final int MAX_ROWS = 5_000;
    static final int MAX_BYTES = 5 * 1024 * 1024;

    enum Column {
        SPU_REF("spuRef"), TITLE("title"), SUBTITLE("subtitle"), DESCRIPTION("description"), IMAGE_URLS("imageUrls"),
        CATEGORY_ID("categoryId"), BRAND_ID("brandId"), TAGS("tags"), AUDIENCE("audience"),
        PER_MEMBER_LIMIT("perMemberLimit"), SORT_WEIGHT("sortWeight"), STATUS("status"),
        SPECS("specs"), PRICE_FEN("priceFen"), ORIGINAL_PRICE_FEN("originalPriceFen"), STOCK("stock"),
        BARCODE("barcode"), WEIGHT_GRAMS("weightGrams");

        static final Set<Column> REQUIRED = Set.of(SPU_REF, TITLE, PRICE_FEN, STOCK);
        /** Product-level columns: taken from a group's first row; later rows leave them empty or repeat them. */
        static final List<Column> SPU_LEVEL = List.of(TITLE, SUBTITLE, DESCRIPTION, IMAGE_URLS, CATEGORY_ID, BRAND_ID,
                TAGS, AUDIENCE, PER_MEMBER_LIMIT, SORT_WEIGHT, STATUS);

        final String header;

        Column(String header) {
            this.header = header;
        }
    }

    record Row(int number, Map<Column, String> values) {

        String get(Column column) {
            return values.getOrDefault(column, "");
        }
    }

    /** The rows of one product, in file order; {@code malformed} rows have the wrong number of cells. */
    record Group(String spuRef, List<Row> rows, List<Integer> malformed) {
    }

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true).setTrim(true).get();
    private static final Map<String, Column> BY_HEADER = Arrays.stream(Column.values())
            .collect(Collectors.toMap(c -> c.header.toLowerCase(Locale.ROOT), c -> c));

    private ImportFile() {
    }

    static List<Group> parse(byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            throw tooLarge("the file is above " + MAX_BYTES + " bytes");
        }
        String text;
        try {
            // strict: Excel on zh-CN saves GBK by default, and a lenient decode would store every title garbled
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw MallException.badRequest("CSV_ENCODING_INVALID", "the file is not UTF-8 (save it as \"CSV UTF-8\")");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            throw MallException.badRequest("IMPORT_EMPTY", "the file is empty; it needs a header row and data rows");
        }
        try (CSVParser parser = CSVParser.parse(new StringReader(text), FORMAT)) {
            Map<Integer, Column> columns = columns(parser.getHeaderNames());
            Map<String, Group> groups = new LinkedHashMap<>();
            int number = 1;
            for (CSVRecord record : parser) {
                number++;
                if (number - 1 > MAX_ROWS) {
                    throw tooLarge("a file has at most " + MAX_ROWS + " data rows");
                }
                Map<Column, String> values = new HashMap<>();
                for (int i = 0; i < record.size() && i < columns.size(); i++) {
                    values.put(columns.get(i), record.get(i));
                }
                String ref = values.getOrDefault(Column.SPU_REF, "");
                Group group = groups.computeIfAbsent(ref, r -> new Group(r, new ArrayList<>(), new ArrayList<>()));
                group.rows().add(new Row(number, values));
                if (record.size() != columns.size()) {
                    group.malformed().add(number);
                }
            }
            if (groups.isEmpty()) {
                throw MallException.badRequest("IMPORT_EMPTY", "the file has a header but no data rows");
            }
            return List.copyOf(groups.values());
        } catch (UncheckedIOException | IOException e) {
            throw MallException.badRequest("CSV_MALFORMED", "not readable as CSV: " + e.getMessage());
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw MallException.badRequest("CSV_HEADER_INVALID", "bad header row: " + e.getMessage());
        }
    }

    private static Map<Integer, Column> columns(List<String> headers) {
        Map<Integer, Column> columns = new HashMap<>();
        for (int i = 0; i < headers.size(); i++) {
            Column column = BY_HEADER.get(headers.get(i).strip().toLowerCase(Locale.ROOT));
            if (column == null) {
                throw MallException.badRequest("CSV_HEADER_INVALID", "unknown column '" + headers.get(i)
                        + "'; columns are " + Arrays.stream(Column.values()).map(c -> c.header).toList());
            }
            if (columns.containsValue(column)) {
                throw MallException.badRequest("CSV_HEADER_INVALID", "column '" + column.header + "' appears twice");
            }
            columns.put(i, column);
        }
        List<String> missing = Column.REQUIRED.stream().filter(c -> !columns.containsValue(c)).map(c -> c.header)
                .sorted().toList();
        if (!missing.isEmpty()) {
            throw MallException.badRequest("CSV_HEADER_INVALID", "missing required columns " + missing);
        }
        return columns;
    }

    private static MallException tooLarge(String detail) {
        return new MallException(HttpStatus.CONTENT_TOO_LARGE, "IMPORT_TOO_LARGE", detail);
    }
}
