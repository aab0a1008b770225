package com.siyu.mall.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.siyu.mall.common.testsupport.MallHttp;
import com.siyu.mall.common.testsupport.TestJwtIssuer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The catalog's HTTP API for integration tests: MallHttp plus PUT and DELETE, and small builders for the test data
 * ("a product with these SKUs in that category").
 */
public final class CatalogApi {

    public static final String ADMIN = TestJwtIssuer.get().adminToken();
    public static final String MEMBER = TestJwtIssuer.get().memberToken(7);

    private final String baseUrl;
    public final MallHttp http;

    public CatalogApi(int port) {
        baseUrl = "http://localhost:" + port;
        http = new MallHttp(baseUrl);
    }

    public MallHttp.Response put(String path, Object body, String token) {
        return http.put(path, body, token);
    }

    public MallHttp.Response delete(String path, String token) {
        return http.delete(path, token);
    }

    /** Creates a category and returns its id. */
    public String category(String name, String parentId) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name));
        if (parentId != null) {
            body.put("parentId", parentId);
        }
        var created = http.post("/admin/v1/categories", body, ADMIN);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.text("id");
    }

    public String brand(String name) {
        var created = http.post("/admin/v1/brands", Map.of("name", name), ADMIN);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.text("id");
    }

    public ProductBuilder product(String title) {
        return new ProductBuilder(title);
    }

    public static String unique(String prefix) {
        return prefix + "-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    public final class ProductBuilder {

        private final Map<String, Object> body = new HashMap<>();
        private final List<Map<String, Object>> skus = new ArrayList<>();

        ProductBuilder(String title) {
            body.put("title", title);
        }

        public ProductBuilder with(String field, Object value) {
            body.put(field, value);
            return this;
        }

        public ProductBuilder sku(long priceFen, int stock) {
            skus.add(Map.of("specs", Map.of("n", "s" + skus.size()), "priceFen", priceFen, "stock", stock));
            return this;
        }

        /** Creates it and returns the answer ({@code spuId}, {@code skus[].skuId}). */
        public MallHttp.Response create() {
            if (skus.isEmpty()) {
                sku(1999, 10);
            }
            body.put("skus", skus);
            var created = http.post("/admin/v1/products", body, ADMIN);
            assertThat(created.status()).as(created.raw()).isEqualTo(201);
            return created;
        }

        public String createSpu() {
            return create().text("spuId");
        }
    }

    public static String skuId(MallHttp.Response created, int index) {
        return created.body().path("skus").get(index).path("skuId").asString();
    }

}
