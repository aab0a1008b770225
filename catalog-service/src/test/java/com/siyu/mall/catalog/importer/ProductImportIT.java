package com.siyu.mall.catalog.importer;

import static com.siyu.mall.catalog.CatalogApi.ADMIN;
import static com.siyu.mall.catalog.CatalogApi.encode;
import static com.siyu.mall.catalog.CatalogApi.unique;
import static com.siyu.mall.common.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.siyu.mall.catalog.CatalogApi;
import com.siyu.mall.common.event.Topics;
import com.siyu.mall.common.testsupport.EventCollector;
import com.siyu.mall.common.testsupport.MallHttp;
import com.siyu.mall.common.testsupport.MallIntegrationTest;
import com.siyu.mall.common.testsupport.TestJwtIssuer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code POST /admin/v1/products/imports}: good products in, bad rows reported, bad files change nothing. */
@MallIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProductImportIT {

    static final String HEADER = "spuRef,title,categoryId,tags,audience,status,specs,priceFen,originalPriceFen,stock";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    CatalogApi api;
    EventCollector events;
    final HttpClient client = HttpClient.newHttpClient();

    @BeforeAll
    void setUp() {
        api = new CatalogApi(port);
        events = EventCollector.of(Topics.CATALOG);
    }

    @AfterAll
    void tearDown() {
        events.close();
    }

    MallHttp.Response send(String contentType, byte[] body, String token) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/admin/v1/products/imports"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", contentType)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).timeout(Duration.ofSeconds(30)).build();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode json;
            try {
                json = JSON.readTree(response.body());
            } catch (RuntimeException notJson) {
                json = JSON.createObjectNode();
            }
            return new MallHttp.Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), json);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    MallHttp.Response csv(String text) {
        return send("text/csv", text.getBytes(StandardCharsets.UTF_8), ADMIN);
    }

    MallHttp.Response multipart(byte[] file, String token) {
        String boundary = "----mall" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"p.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + file.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(file, 0, body, head.length, file.length);
        System.arraycopy(tail, 0, body, head.length + file.length, tail.length);
        return send("multipart/form-data; boundary=" + boundary, body, token);
    }

    int products(String title) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM spu WHERE title = ?", Integer.class, title);
    }

    int allProducts() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM spu", Integer.class);
    }

    @Test
    void importsTheGoodProductsAndReportsEveryBadRow() {
        String category = api.category(unique("导入"), null);
        String dress = unique("碎花连衣裙");
        String shirt = unique("衬衫");
        String badPrice = unique("bad-price");
        String badCategory = unique("bad-category");
        String file = HEADER + "\n"
                + "D," + dress + "," + category + ",夏装|新品,,,color=red;size=M,15900,19900,10\n"
                + "S," + shirt + "," + category + ",,MEMBERS_ONLY,DRAFT,,8900,,5\n"
                + "D,,,,,,color=blue;size=M,15900,,3\n"
                + "P," + badPrice + "," + category + ",,,,,12.5,,1\n"
                + "P,,,,,,size=L,1000,,1\n"
                + "C," + badCategory + ",999,,,,,1000,,1\n"
                + "X,\"" + unique("t") + "\"," + category + ",,,,,1000,900,1\n";
        MallHttp.Response report = multipart(file.getBytes(StandardCharsets.UTF_8), ADMIN);

        assertThat(report.status()).as(report.raw()).isEqualTo(200);
        assertThat(report.number("imported")).isEqualTo(3);
        assertThat(report.number("failed")).isEqualTo(4);
        List<Object[]> errors = new ArrayList<>();
        report.body().path("errors").forEach(e -> errors.add(new Object[] {e.path("row").asInt(),
                e.path("field").asString(null), e.path("code").asString()}));
        assertThat(errors).extracting(e -> tuple(e[0], e[1], e[2])).containsExactly(
                tuple(5, "priceFen", "NUMBER_INVALID"),
                tuple(7, "categoryId", "CATEGORY_NOT_FOUND"),
                tuple(8, "originalPriceFen", "PRICE_INVALID"));
        assertThat(products(dress)).isEqualTo(1);
        assertThat(products(shirt)).isEqualTo(1);
        assertThat(products(badPrice) + products(badCategory)).isZero();

        String dressId = report.body().path("products").get(0).path("spuId").asString();
        var detail = api.http.get("/admin/v1/products/" + dressId, ADMIN);
        assertThat(detail.body().path("skus")).hasSize(2);
        assertThat(detail.body().path("tags").toString()).contains("夏装", "新品");
        events.await("ProductPublished", dressId, Duration.ofSeconds(10));
        var found = api.http.get("/api/v1/products?q=" + encode(dress) + "&categoryId=" + category, null);
        assertThat(found.body().path("items").get(0).path("spuId").asString()).isEqualTo(dressId);
    }

    /** Not a timed assertion: the rate goes into the log (and the README). */
    @Test
    void importsAFewHundredProductsInOneFile() {
        String category = api.category(unique("批量"), null);
        StringBuilder file = new StringBuilder("spuRef,title,categoryId,specs,priceFen,stock\n");
        for (int i = 0; i < 200; i++) {
            file.append("P").append(i).append(",批量商品").append(i).append(',').append(category).append(",size=M,")
                    .append(1000 + i).append(",10\n");
            file.append("P").append(i).append(",,,size=L,").append(1000 + i).append(",10\n");
        }
        long start = System.nanoTime();
        var report = csv(file.toString());
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(report.status()).as(report.raw()).isEqualTo(200);
        assertThat(report.number("imported")).isEqualTo(400);
        org.slf4j.LoggerFactory.getLogger(ProductImportIT.class).info(
                "CSV import: 400 rows (200 products with 2 SKUs) in {} ms", millis);
    }

    @Test
    void acceptsATextCsvBody() {
        String title = unique("body");
        var report = csv("spuRef,title,priceFen,stock\nA," + title + ",100,1\n");
        assertThat(report.status()).as(report.raw()).isEqualTo(200);
        assertThat(products(title)).isEqualTo(1);
    }

    @Test
    void badFilesAreProblemsAndChangeNothing() {
        int before = allProducts();
        String ok = "A," + unique("never") + ",100,1\n";
        assertProblem(csv(""), 400, "IMPORT_EMPTY");
        assertProblem(csv("spuRef,title,price,stock\n" + ok), 400, "CSV_HEADER_INVALID");
        assertProblem(csv("spuRef,title,priceFen,stock\n" + ok + "B,\"open,1,1\n"), 400, "CSV_MALFORMED");
        // Excel on zh-CN saves CSV as GBK: refused, never stored garbled
        assertProblem(multipart(("spuRef,title,priceFen,stock\nA,夏季新款碎花连衣裙,100,1\n").getBytes(
                java.nio.charset.Charset.forName("GBK")), ADMIN), 400, "CSV_ENCODING_INVALID");
        assertProblem(csv("spuRef,title,priceFen,stock\n" + ok.repeat(ImportFile.MAX_ROWS + 1)), 413,
                "IMPORT_TOO_LARGE");
        byte[] huge = ("spuRef,title,priceFen,stock\n" + ok + "#".repeat(ImportFile.MAX_BYTES)).getBytes(
                StandardCharsets.UTF_8);
        assertProblem(send("text/csv", huge, ADMIN), 413, "IMPORT_TOO_LARGE");
        assertProblem(multipart(huge, ADMIN), 413, "IMPORT_TOO_LARGE");
        var rejected = csv("spuRef,title,priceFen,stock\nA,t,0,1\nB,,100,1\n");
        assertProblem(rejected, 422, "IMPORT_REJECTED");
        assertThat(rejected.body().path("errors")).hasSize(2);
        assertProblem(multipart(ok.getBytes(StandardCharsets.UTF_8), TestJwtIssuer.get().token("ops",
                List.of("OPS"))), 403, "FORBIDDEN");
        assertProblem(send("application/json", "{}".getBytes(StandardCharsets.UTF_8), ADMIN), 415,
                "UNSUPPORTED_MEDIA_TYPE");
        assertThat(allProducts()).isEqualTo(before);
    }
}
