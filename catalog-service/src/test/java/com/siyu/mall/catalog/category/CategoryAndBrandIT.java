package com.siyu.mall.catalog.category;

import static com.siyu.mall.catalog.CatalogApi.ADMIN;
import static com.siyu.mall.catalog.CatalogApi.MEMBER;
import static com.siyu.mall.common.testsupport.ProblemAssert.assertProblem;
import static com.siyu.mall.catalog.CatalogApi.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.siyu.mall.catalog.CatalogApi;
import com.siyu.mall.common.testsupport.MallIntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

@MallIntegrationTest
class CategoryAndBrandIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    CatalogApi api;

    @BeforeEach
    void client() {
        api = new CatalogApi(port);
    }

    @Test
    void publicTreeNestsUpToThreeLevelsInSortOrder() {
        String root = api.category(unique("女装"), null);
        String dresses = api.category("连衣裙", root);
        api.http.post("/admin/v1/categories", Map.of("name", "上衣", "parentId", root, "sortOrder", -1), ADMIN);
        String floral = api.category("碎花裙", dresses);

        var tree = api.http.get("/api/v1/categories", null);
        assertThat(tree.status()).isEqualTo(200);
        JsonNode node = find(tree.body().path("items"), root);
        assertThat(node.path("level").asInt()).isEqualTo(1);
        assertThat(node.path("children")).extracting(c -> c.path("name").asString()).containsExactly("上衣", "连衣裙");
        JsonNode third = node.path("children").get(1).path("children").get(0);
        assertThat(third.path("id").asString()).isEqualTo(floral);
        assertThat(third.path("level").asInt()).isEqualTo(3);

        var one = api.http.get("/admin/v1/categories/" + floral, ADMIN);
        assertThat(one.text("parentId")).isEqualTo(dresses);
        assertThat(one.number("level")).isEqualTo(3);
    }

    @Test
    void rejectsAFourthLevelAndMovesThatWouldMakeOneOrACycle() {
        String a = api.category(unique("a"), null);
        String b = api.category("b", a);
        String c = api.category("c", b);
        String other = api.category(unique("other"), null);
        int before = count("category");

        assertProblem(api.http.post("/admin/v1/categories", Map.of("name", "d", "parentId", c), ADMIN), 400,
                "CATEGORY_TOO_DEEP");
        assertProblem(api.put("/admin/v1/categories/" + a, Map.of("name", "a", "parentId", other), ADMIN), 400,
                "CATEGORY_TOO_DEEP");
        assertProblem(api.put("/admin/v1/categories/" + a, Map.of("name", "a", "parentId", c), ADMIN), 409,
                "CATEGORY_CYCLE");
        assertThat(count("category")).isEqualTo(before);
        assertThat(api.http.get("/admin/v1/categories/" + a, ADMIN).text("parentId")).isNull();

        var moved = api.put("/admin/v1/categories/" + c, Map.of("name", "c2", "parentId", other), ADMIN);
        assertThat(moved.status()).as(moved.raw()).isEqualTo(200);
        assertThat(moved.number("level")).isEqualTo(2);
        assertThat(moved.text("name")).isEqualTo("c2");
    }

    @Test
    void deletesOnlyEmptyLeafCategories() {
        String root = api.category(unique("root"), null);
        String leaf = api.category("leaf", root);
        String used = api.category("used", root);
        api.product("in a category").with("categoryId", used).create();

        assertProblem(api.delete("/admin/v1/categories/" + root, ADMIN), 409, "CATEGORY_HAS_CHILDREN");
        assertProblem(api.delete("/admin/v1/categories/" + used, ADMIN), 409, "CATEGORY_IN_USE");
        assertThat(api.delete("/admin/v1/categories/" + leaf, ADMIN).status()).isEqualTo(204);
        assertProblem(api.http.get("/admin/v1/categories/" + leaf, ADMIN), 404, "CATEGORY_NOT_FOUND");
        assertProblem(api.delete("/admin/v1/categories/" + leaf, ADMIN), 404, "CATEGORY_NOT_FOUND");
    }

    @Test
    void rejectsBadCategoryInputAndChangesNothing() {
        String root = api.category(unique("root"), null);
        int before = count("category");
        assertProblem(api.http.post("/admin/v1/categories", Map.of("name", " "), ADMIN), 400, "VALIDATION_FAILED");
        assertProblem(api.http.post("/admin/v1/categories", Map.of("name", "x".repeat(65)), ADMIN), 400,
                "VALIDATION_FAILED");
        assertProblem(api.http.post("/admin/v1/categories", "{\"name\":", ADMIN), 400, "MALFORMED_REQUEST");
        assertProblem(api.http.post("/admin/v1/categories", Map.of("name", "x", "parentId", "123"), ADMIN), 404,
                "CATEGORY_NOT_FOUND");
        assertProblem(api.http.post("/admin/v1/categories", Map.of("name", "x", "parentId", "abc"), ADMIN), 400,
                "MALFORMED_REQUEST");
        api.category("dup", root);
        assertProblem(api.http.post("/admin/v1/categories", Map.of("name", "dup", "parentId", root), ADMIN), 409,
                "CATEGORY_NAME_TAKEN");
        assertProblem(api.put("/admin/v1/categories/123", Map.of("name", "x"), ADMIN), 404, "CATEGORY_NOT_FOUND");
        assertProblem(api.http.post("/admin/v1/categories", Map.of("name", "x"), MEMBER), 403, "FORBIDDEN");
        assertProblem(api.http.post("/admin/v1/categories", Map.of("name", "x"), null), 401, "UNAUTHORIZED");
        assertProblem(api.delete("/admin/v1/categories/abc", ADMIN), 400, "PARAMETER_INVALID");
        assertThat(count("category")).isEqualTo(before + 1);
    }

    @Test
    void brandsHaveCrudAndCannotBeDeletedWhileUsed() {
        String name = unique("brand");
        var created = api.http.post("/admin/v1/brands", Map.of("name", name, "logoUrl", "https://img.example/l.png"),
                ADMIN);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String id = created.text("id");
        var renamed = api.put("/admin/v1/brands/" + id, Map.of("name", name + "!", "description", "desc"), ADMIN);
        assertThat(renamed.status()).as(renamed.raw()).isEqualTo(200);
        var read = api.http.get("/admin/v1/brands/" + id, ADMIN);
        assertThat(read.text("name")).isEqualTo(name + "!");
        assertThat(read.text("logoUrl")).isNull();
        assertThat(read.text("description")).isEqualTo("desc");

        String spuId = api.product("branded").with("brandId", id).createSpu();
        assertProblem(api.delete("/admin/v1/brands/" + id, ADMIN), 409, "BRAND_IN_USE");
        api.put("/admin/v1/products/" + spuId, Map.of("title", "unbranded"), ADMIN);
        assertThat(api.delete("/admin/v1/brands/" + id, ADMIN).status()).isEqualTo(204);
        assertProblem(api.http.get("/admin/v1/brands/" + id, ADMIN), 404, "BRAND_NOT_FOUND");
    }

    @Test
    void listsBrandsPageByPage() {
        for (int i = 0; i < 3; i++) {
            api.brand(unique("paged"));
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        String cursor = null;
        do {
            var page = api.http.get("/admin/v1/brands?limit=2" + (cursor == null ? "" : "&cursor=" + cursor), ADMIN);
            page.body().path("items").forEach(b -> assertThat(seen.add(b.path("id").asString())).isTrue());
            cursor = page.text("nextCursor");
        } while (cursor != null);
        assertThat(seen).hasSize(count("brand"));
    }

    @Test
    void rejectsBadBrandInputAndChangesNothing() {
        String taken = api.brand(unique("taken"));
        String takenName = api.http.get("/admin/v1/brands/" + taken, ADMIN).text("name");
        int before = count("brand");
        assertProblem(api.http.post("/admin/v1/brands", Map.of("name", ""), ADMIN), 400, "VALIDATION_FAILED");
        assertProblem(api.http.post("/admin/v1/brands", Map.of("name", "x", "logoUrl", "ftp://x"), ADMIN), 400,
                "VALIDATION_FAILED");
        assertProblem(api.http.post("/admin/v1/brands", Map.of("name", takenName), ADMIN), 409, "BRAND_NAME_TAKEN");
        assertProblem(api.put("/admin/v1/brands/123", Map.of("name", "x"), ADMIN), 404, "BRAND_NOT_FOUND");
        assertProblem(api.delete("/admin/v1/brands/123", ADMIN), 404, "BRAND_NOT_FOUND");
        assertProblem(api.http.get("/admin/v1/brands?limit=101", ADMIN), 400, "VALIDATION_FAILED");
        assertProblem(api.http.get("/admin/v1/brands", MEMBER), 403, "FORBIDDEN");
        assertThat(count("brand")).isEqualTo(before);
        assertThat(api.http.get("/admin/v1/brands/" + taken, ADMIN).text("name")).isEqualTo(takenName);
    }

    private static JsonNode find(JsonNode nodes, String id) {
        return StreamSupport.stream(nodes.spliterator(), false).filter(n -> n.path("id").asString().equals(id))
                .findFirst().orElseThrow(() -> new AssertionError("no category " + id + " in " + nodes));
    }

    private int count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
    }

}
