package com.siyu.mall.catalog.product;

import static com.siyu.mall.catalog.CatalogApi.ADMIN;
import static com.siyu.mall.catalog.CatalogApi.MEMBER;
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
import com.siyu.mall.contracts.catalog.PriceChanged;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

/**
 * The product cache (on by default): served while nothing changed, dropped right after a local commit and within a
 * second of another replica's product event; stock and visibility never come from it.
 */
@MallIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProductCacheIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    KafkaListenerEndpointRegistry listeners;

    CatalogApi api;

    @BeforeAll
    void setUp() {
        api = new CatalogApi(port);
        await().atMost(Duration.ofSeconds(30)).until(() -> !listeners.getListenerContainer(
                CatalogEventHandler.LISTENER_ID).getAssignedPartitions().isEmpty());
    }

    long detailPrice(String spuId) {
        var detail = api.http.get("/api/v1/products/" + spuId, null);
        assertThat(detail.status()).as(detail.raw()).isEqualTo(200);
        return detail.body().path("skus").get(0).path("priceFen").asLong();
    }

    MallHttp.Response listing(String category) {
        var page = api.http.get("/api/v1/products?categoryId=" + category, null);
        assertThat(page.status()).as(page.raw()).isEqualTo(200);
        return page;
    }

    @Test
    void anotherReplicasPriceChangeReachesCachedDetailAndListingWithinASecond() {
        String category = api.category(unique("cache"), null);
        MallHttp.Response created = api.product("cached").with("categoryId", category).sku(5000, 5).create();
        String spuId = created.text("spuId");
        long skuId = Long.parseLong(skuId(created, 0));
        assertThat(detailPrice(spuId)).isEqualTo(5000);

        // another replica changes the price: its row changes here, its event arrives here. The product's own
        // ProductPublished evicts it whenever that event arrives, so prime again until the cache serves the old price.
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() -> {
            jdbc.update("UPDATE sku SET price_fen = 5000 WHERE id = ?", skuId);
            detailPrice(spuId);
            listingPrice(category);
            jdbc.update("UPDATE sku SET price_fen = 4200 WHERE id = ?", skuId);
            return detailPrice(spuId) == 5000 && listingPrice(category) == 5000;
        });
        EventCollector.publish(Topics.CATALOG, EventCollector.envelope("Product", spuId,
                new PriceChanged(skuId, Long.parseLong(spuId), 5000, 4200)));
        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(50)).until(() -> detailPrice(spuId) == 4200
                && listingPrice(category) == 4200);
    }

    private long listingPrice(String category) {
        return listing(category).body().path("items").get(0).path("minPriceFen").asLong();
    }

    @Test
    void aLocalPriceChangeIsServedRightAfterItsCommit() {
        String category = api.category(unique("cache"), null);
        MallHttp.Response created = api.product("local").with("categoryId", category).sku(3000, 5).create();
        String spuId = created.text("spuId");
        assertThat(detailPrice(spuId)).isEqualTo(3000);
        listing(category);

        api.http.patch("/admin/v1/skus/" + skuId(created, 0), Map.of("priceFen", 2500), ADMIN);
        assertThat(detailPrice(spuId)).isEqualTo(2500);
        assertThat(listing(category).body().path("items").get(0).path("minPriceFen").asLong()).isEqualTo(2500);

        api.http.post("/admin/v1/products/" + spuId + "/unpublish", null, ADMIN);
        assertProblem(api.http.get("/api/v1/products/" + spuId, null), 404, "PRODUCT_NOT_FOUND");
        assertThat(listing(category).body().path("items")).isEmpty();
    }

    @Test
    void stockIsReadFreshUnderACachedView() {
        String category = api.category(unique("cache"), null);
        MallHttp.Response created = api.product("stock").with("categoryId", category).sku(1000, 10).create();
        String spuId = created.text("spuId");
        assertThat(api.http.get("/api/v1/products/" + spuId, null).body().path("skus").get(0).path("available")
                .asInt()).isEqualTo(10);
        assertThat(listing(category).body().path("items").get(0).path("available").asInt()).isEqualTo(10);

        var adjusted = api.http.post("/admin/v1/skus/" + skuId(created, 0) + "/stock-adjustments",
                Map.of("delta", -4, "reason", "damaged"), ADMIN);
        assertThat(adjusted.status()).as(adjusted.raw()).isEqualTo(200);
        assertThat(api.http.get("/api/v1/products/" + spuId, null).body().path("skus").get(0).path("available")
                .asInt()).isEqualTo(6);
        assertThat(listing(category).body().path("items").get(0).path("available").asInt()).isEqualTo(6);
    }

    @Test
    void aMemberViewingAMembersOnlyProductDoesNotShowItToAnonymousCallers() {
        String category = api.category(unique("cache"), null);
        String spuId = api.product("members").with("categoryId", category).with("audience", "MEMBERS_ONLY")
                .sku(1000, 1).createSpu();
        assertThat(api.http.get("/api/v1/products/" + spuId, MEMBER).status()).isEqualTo(200);
        assertThat(api.http.get("/api/v1/products?categoryId=" + category, MEMBER).body().path("items")).hasSize(1);
        assertProblem(api.http.get("/api/v1/products/" + spuId, null), 404, "PRODUCT_NOT_FOUND");
        assertThat(listing(category).body().path("items")).isEmpty();
    }
}
