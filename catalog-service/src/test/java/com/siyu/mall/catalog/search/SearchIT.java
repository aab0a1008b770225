package com.siyu.mall.catalog.search;

import static com.siyu.mall.catalog.CatalogApi.ADMIN;
import static com.siyu.mall.catalog.CatalogApi.MEMBER;
import static com.siyu.mall.catalog.CatalogApi.encode;
import static com.siyu.mall.catalog.CatalogApi.skuId;
import static com.siyu.mall.catalog.CatalogApi.unique;
import static com.siyu.mall.common.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.siyu.mall.catalog.CatalogApi;
import com.siyu.mall.common.event.Topics;
import com.siyu.mall.common.testsupport.EventCollector;
import com.siyu.mall.common.testsupport.MallHttp;
import com.siyu.mall.common.testsupport.MallIntegrationTest;
import com.siyu.mall.common.testsupport.TestJwtIssuer;
import com.siyu.mall.contracts.catalog.ProductChanged;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

/**
 * Keyword search through {@code GET /api/v1/products?q=}: Chinese relevance, typos, filters, sorts and paging, and
 * the index following local writes, other replicas' events and rebuilds. Every query is limited to this class's own
 * category tree, so products of other tests never interfere.
 */
@MallIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchIT {

    private static final Logger log = LoggerFactory.getLogger(SearchIT.class);

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    KafkaListenerEndpointRegistry listeners;

    CatalogApi api;
    String root;
    String dress;
    String skirt;
    String shirt;
    String shoes;
    String silk;

    @BeforeAll
    void catalog() {
        api = new CatalogApi(port);
        root = api.category(unique("女装"), null);
        String child = api.category("连衣裙类", root);
        String nike = api.brand(unique("Nike"));
        dress = api.product("夏季新款碎花连衣裙").with("categoryId", child).with("tags", List.of("夏装")).sku(15900, 10)
                .createSpu();
        skirt = api.product("黑色百褶半身裙").with("categoryId", root).sku(9900, 10).createSpu();
        shirt = api.product("纯棉碎花衬衫").with("categoryId", root).sku(12900, 10).createSpu();
        shoes = api.product("Nike Air Zoom 男子跑步鞋").with("categoryId", root).with("brandId", nike).sku(89900, 10)
                .createSpu();
        silk = api.product("会员专享真丝连衣裙").with("categoryId", child).with("audience", "MEMBERS_ONLY").sku(59900, 5)
                .createSpu();
        api.product("草稿碎花连衣裙").with("categoryId", root).with("status", "DRAFT").create();
        // the per-replica listener starts at the end of the topic: wait until it has its partitions
        await().atMost(Duration.ofSeconds(30)).until(() -> !listeners.getListenerContainer("catalog-views")
                .getAssignedPartitions().isEmpty());
    }

    List<String> search(String query, String token) {
        var page = api.http.get("/api/v1/products?categoryId=" + root + "&" + query, token);
        assertThat(page.status()).as(page.raw()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        page.body().path("items").forEach(i -> ids.add(i.path("spuId").asString()));
        return ids;
    }

    List<String> q(String text) {
        return search("q=" + encode(text), null);
    }

    @Test
    void aWordFindsTheTitleThatContainsIt() {
        assertThat(q("连衣裙")).containsExactly(dress);
        assertThat(search("q=" + encode("连衣裙"), MEMBER)).containsExactlyInAnyOrder(dress, silk);
    }

    @Test
    void aDifferentlySegmentedQueryRanksTheDressFirst() {
        List<String> hits = q("碎花裙");
        assertThat(hits).first().isEqualTo(dress);
        assertThat(hits).doesNotContain(shoes);
    }

    @Test
    void singleCharactersAndTyposInBrandNamesFindProducts() {
        assertThat(q("裙")).containsExactlyInAnyOrder(dress, skirt);
        assertThat(q("Nkie")).containsExactly(shoes);
        assertThat(q("nike 跑步")).containsExactly(shoes);
    }

    @Test
    void filtersAndSortsApplyToSearchResults() {
        assertThat(search("q=" + encode("裙") + "&sort=price_asc", null)).containsExactly(skirt, dress);
        assertThat(search("q=" + encode("裙") + "&sort=price_desc", null)).containsExactly(dress, skirt);
        assertThat(search("q=" + encode("裙") + "&minPriceFen=10000", null)).containsExactly(dress);
        assertThat(search("q=" + encode("碎花") + "&tag=" + encode("夏装"), null)).containsExactly(dress);
        assertThat(search("q=" + encode("碎花") + "&sort=newest", null)).containsExactly(shirt, dress);
    }

    @Test
    void pagesWithAnOffsetCursor() {
        var first = api.http.get("/api/v1/products?categoryId=" + root + "&q=" + encode("裙") + "&sort=newest&limit=1",
                null);
        assertThat(first.body().path("items").get(0).path("spuId").asString()).isEqualTo(skirt);
        String cursor = first.text("nextCursor");
        assertThat(cursor).isNotNull();
        var second = api.http.get("/api/v1/products?categoryId=" + root + "&q=" + encode("裙")
                + "&sort=newest&limit=1&cursor=" + cursor, null);
        assertThat(second.body().path("items").get(0).path("spuId").asString()).isEqualTo(dress);
        assertThat(second.text("nextCursor")).isNull();
        assertProblem(api.http.get("/api/v1/products?q=" + encode("裙") + "&sort=price_asc&cursor=" + cursor, null),
                400, "CURSOR_INVALID");
        assertProblem(api.http.get("/api/v1/products?q=x&cursor=garbage", null), 400, "CURSOR_INVALID");
        assertProblem(api.http.get("/api/v1/products?q=x&sort=popular", null), 400, "SORT_INVALID");
        assertProblem(api.http.get("/api/v1/products?q=" + "x".repeat(101), null), 400, "VALIDATION_FAILED");
        assertThat(q("！？")).isEmpty();
    }

    @Test
    void theIndexFollowsCreatePriceChangeAndUnpublishAtCommit() {
        MallHttp.Response created = api.product("法式复古长款连衣裙").with("categoryId", root).sku(39900, 3).create();
        String spuId = created.text("spuId");
        assertThat(q("复古连衣裙")).containsExactly(spuId);

        api.http.patch("/admin/v1/skus/" + skuId(created, 0), Map.of("priceFen", 1900), ADMIN);
        assertThat(search("q=" + encode("复古") + "&maxPriceFen=2000", null)).containsExactly(spuId);

        api.http.post("/admin/v1/products/" + spuId + "/unpublish", null, ADMIN);
        assertThat(q("复古")).isEmpty();
    }

    @Test
    void anotherReplicasProductEventRefreshesThisIndexWithinASecond() {
        String spuId = api.product("羊毛混纺大衣").with("categoryId", root).sku(69900, 3).createSpu();
        ownEventsApplied(spuId);
        // another replica changed the title: the row changes, and only its event reaches this replica
        jdbc.update("UPDATE spu SET title = ? WHERE id = ?", "羊绒双面呢大衣", Long.parseLong(spuId));
        assertThat(q("羊绒")).isEmpty();
        EventCollector.publish(Topics.CATALOG, EventCollector.envelope("Product", spuId, new ProductChanged(
                Long.parseLong(spuId), "羊绒双面呢大衣", "ON_SALE", Long.parseLong(root), null, List.of(), "PUBLIC")));
        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(50))
                .until(() -> q("羊绒").contains(spuId));
    }

    @Test
    void rebuildReadsEverythingFromTheDatabase() {
        String spuId = api.product("亚麻阔腿裤").with("categoryId", root).sku(19900, 3).createSpu();
        ownEventsApplied(spuId);
        jdbc.update("UPDATE spu SET title = ? WHERE id = ?", "棉麻九分裤", Long.parseLong(spuId));
        assertThat(q("九分裤")).isEmpty();

        assertProblem(api.http.post("/admin/v1/search/rebuild", null, TestJwtIssuer.get().token("ops",
                List.of("OPS"))), 403, "FORBIDDEN");
        var rebuilt = api.http.post("/admin/v1/search/rebuild", null, ADMIN);
        assertThat(rebuilt.status()).as(rebuilt.raw()).isEqualTo(200);
        log.info("rebuild over HTTP: {} products in {} ms", rebuilt.number("products"), rebuilt.number("millis"));
        assertThat(rebuilt.number("products")).isGreaterThanOrEqualTo(5);
        assertThat(q("九分裤")).containsExactly(spuId);
        assertThat(q("连衣裙")).containsExactly(dress);
    }

    /**
     * The product's own ProductPublished refreshes this replica's index (re-reading the row) whenever it arrives, so a
     * row changed behind the index's back could be picked up by it. A marker event on the same key (one partition, in
     * order) shows when everything before it has been applied.
     */
    private void ownEventsApplied(String spuId) {
        String marker = "marker" + System.nanoTime();
        jdbc.update("UPDATE spu SET title = ? WHERE id = ?", marker, Long.parseLong(spuId));
        EventCollector.publish(Topics.CATALOG, EventCollector.envelope("Product", spuId, new ProductChanged(
                Long.parseLong(spuId), marker, "ON_SALE", Long.parseLong(root), null, List.of(), "PUBLIC")));
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> q(marker).contains(spuId));
    }
}
