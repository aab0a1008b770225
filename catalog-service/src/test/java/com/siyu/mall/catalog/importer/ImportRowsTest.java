package com.siyu.mall.catalog.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.siyu.mall.catalog.importer.ImportFile.Group;
import com.siyu.mall.catalog.importer.ImportRows.Built;
import com.siyu.mall.catalog.importer.ImportRows.RowError;
import com.siyu.mall.catalog.product.Spu;
import com.siyu.mall.common.error.MallException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** CSV parsing, grouping and row validation; no Spring. */
class ImportRowsTest {

    static final String HEADER = "spuRef,title,tags,audience,status,specs,priceFen,originalPriceFen,stock\n";

    static List<Group> parse(String csv) {
        return ImportFile.parse(csv.getBytes(StandardCharsets.UTF_8));
    }

    static Built only(String rows) {
        List<Group> groups = parse(HEADER + rows);
        assertThat(groups).hasSize(1);
        return ImportRows.build(groups.get(0));
    }

    @Test
    void groupsRowsBySpuRefIntoOneRequestWithItsSkus() {
        List<Group> groups = parse(HEADER + """
                A,夏季新款碎花连衣裙,夏装|新品,PUBLIC,ON_SALE,color=red;size=M,15900,19900,10
                B,"纯棉衬衫, 白色",,MEMBERS_ONLY,draft,,8900,,5
                A,,,,,color=blue;size=M,15900,,3
                """);
        assertThat(groups).extracting(Group::spuRef).containsExactly("A", "B");
        Built a = ImportRows.build(groups.get(0));
        assertThat(a.errors()).isEmpty();
        assertThat(a.request().title()).isEqualTo("夏季新款碎花连衣裙");
        assertThat(a.request().tags()).containsExactly("夏装", "新品");
        assertThat(a.request().skus()).hasSize(2);
        assertThat(a.request().skus().get(0).specs()).isEqualTo(Map.of("color", "red", "size", "M"));
        assertThat(a.request().skus().get(0).originalPriceFen()).isEqualTo(19900);
        assertThat(a.request().skus().get(1).stock()).isEqualTo(3);
        Built b = ImportRows.build(groups.get(1));
        assertThat(b.errors()).isEmpty();
        assertThat(b.request().title()).isEqualTo("纯棉衬衫, 白色");
        assertThat(b.request().audience()).isEqualTo(Spu.Audience.MEMBERS_ONLY);
        assertThat(b.request().status()).isEqualTo(Spu.Status.DRAFT);
    }

    @Test
    void reportsBadCellsWithTheirRowAndColumn() {
        Built built = only("""
                A,t,,EVERYONE,,color,12.5,,
                A,,,,,,100,,x
                """);
        assertThat(built.request()).isNull();
        assertThat(built.errors()).extracting(RowError::row, RowError::field, RowError::code).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(2, "audience", "VALUE_INVALID"),
                org.assertj.core.groups.Tuple.tuple(2, "specs", "SPECS_INVALID"),
                org.assertj.core.groups.Tuple.tuple(2, "priceFen", "NUMBER_INVALID"),
                org.assertj.core.groups.Tuple.tuple(2, "stock", "REQUIRED"),
                org.assertj.core.groups.Tuple.tuple(3, "stock", "NUMBER_INVALID"));
    }

    @Test
    void laterRowsMayNotContradictTheProductColumnsOfTheFirst() {
        Built built = only("""
                A,t1,,,,,100,,1
                A,t2,,,,,100,,1
                """);
        assertThat(built.errors()).singleElement().satisfies(e -> {
            assertThat(e.row()).isEqualTo(3);
            assertThat(e.field()).isEqualTo("title");
            assertThat(e.code()).isEqualTo("SPU_FIELD_CONFLICT");
        });
    }

    @Test
    void rowsWithoutSpuRefOrWithTheWrongCellCountAreErrors() {
        assertThat(only(",t,,,,,100,,1\n").errors()).extracting(RowError::code).containsExactly("REQUIRED");
        assertThat(only("A,t,,,,,100,,1,extra\n").errors()).extracting(RowError::code).contains("ROW_MALFORMED");
    }

    @Test
    void fileLevelProblemsAreProblems() {
        assertThatThrownBy(() -> parse("")).isInstanceOfSatisfying(MallException.class,
                e -> assertThat(e.code()).isEqualTo("IMPORT_EMPTY"));
        assertThatThrownBy(() -> parse(HEADER)).isInstanceOfSatisfying(MallException.class,
                e -> assertThat(e.code()).isEqualTo("IMPORT_EMPTY"));
        assertThatThrownBy(() -> parse("spuRef,title,price\nA,t,1\n")).isInstanceOfSatisfying(MallException.class,
                e -> assertThat(e.code()).isEqualTo("CSV_HEADER_INVALID"));
        assertThatThrownBy(() -> parse("spuRef,title\nA,t\n")).isInstanceOfSatisfying(MallException.class,
                e -> assertThat(e.code()).isEqualTo("CSV_HEADER_INVALID"));
        assertThatThrownBy(() -> parse(HEADER + "A,\"unterminated,,,,,1,,1\n")).isInstanceOfSatisfying(
                MallException.class, e -> assertThat(e.code()).isEqualTo("CSV_MALFORMED"));
        assertThatThrownBy(() -> parse(HEADER + "A,t,,,,,100,,1\n".repeat(ImportFile.MAX_ROWS + 1)))
                .isInstanceOfSatisfying(MallException.class, e -> {
                    assertThat(e.code()).isEqualTo("IMPORT_TOO_LARGE");
                    assertThat(e.status().value()).isEqualTo(413);
                });
    }

    @Test
    void acceptsAByteOrderMarkAndHeadersInAnyCase() {
        List<Group> groups = parse("\uFEFFSPUREF,Title,PRICEFEN,stock\nA,t,100,1\n");
        assertThat(ImportRows.build(groups.get(0)).errors()).isEmpty();
    }
}
