package com.siyu.mall.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The analyzers and query rules against a real in-memory index; no Spring, no database. */
class SearchIndexTest {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexTest.class);

    static final long DRESS = 1001;
    static final long SKIRT = 1002;
    static final long SHIRT = 1003;
    static final long NIKE = 1004;
    static final long MEMBERS = 1005;
    static final long PRICEY_DRESS = 1006;

    final ProductIndex index = new ProductIndex();

    @AfterEach
    void close() {
        index.close();
    }

    static ProductDocument doc(long id, String title) {
        return new ProductDocument(id, title, null, null, null, List.of(), null, null, "PUBLIC", 1000, 0, 0);
    }

    static ProductDocument doc(long id, String title, String brand, String audience, long price, long sales,
            List<String> tags) {
        return new ProductDocument(id, title, null, brand, null, tags, 7L, null, audience, price, sales, 0);
    }

    void catalog() {
        index.replaceAll(List.of(
                doc(DRESS, "夏季新款碎花连衣裙", null, "PUBLIC", 15900, 3, List.of("夏装")),
                doc(SKIRT, "黑色百褶半身裙", null, "PUBLIC", 9900, 10, List.of()),
                doc(SHIRT, "纯棉碎花衬衫", null, "PUBLIC", 12900, 1, List.of()),
                doc(NIKE, "Air Max 270 男子跑步鞋", "Nike", "PUBLIC", 89900, 5, List.of()),
                doc(MEMBERS, "会员专享真丝连衣裙", null, "MEMBERS_ONLY", 59900, 0, List.of()),
                doc(PRICEY_DRESS, "法式复古长款连衣裙", null, "PUBLIC", 39900, 7, List.of())));
    }

    List<Long> search(String text, boolean member, SearchQuery.Sort sort) {
        return index.search(new SearchQuery(text, null, null, null, null, null, member, sort, 0, 20)).spuIds();
    }

    List<Long> search(String text) {
        return search(text, false, SearchQuery.Sort.RELEVANCE);
    }

    @Test
    void wordFindsTitleThatContainsIt() {
        catalog();
        assertThat(search("连衣裙")).contains(DRESS, PRICEY_DRESS).doesNotContain(SKIRT, SHIRT, NIKE, MEMBERS);
    }

    @Test
    void differentlySegmentedQueryRanksTheDressFirst() {
        catalog();
        List<Long> hits = search("碎花裙");
        assertThat(hits).isNotEmpty();
        assertThat(hits.get(0)).isEqualTo(DRESS);
        assertThat(hits).doesNotContain(NIKE);
    }

    @Test
    void singleCharacterFindsItInsideLongerWords() {
        catalog();
        assertThat(search("裙")).contains(DRESS, SKIRT, PRICEY_DRESS).doesNotContain(SHIRT, NIKE);
        assertThat(search("鞋")).containsExactly(NIKE);
    }

    @Test
    void latinWordsTolerateOneTypoButNumbersDoNot() {
        catalog();
        assertThat(search("nike")).containsExactly(NIKE);
        assertThat(search("Nkie")).containsExactly(NIKE);
        assertThat(search("AIR MAX")).containsExactly(NIKE);
        assertThat(search("air max 271")).isEmpty();
    }

    @Test
    void membersOnlyProductsNeedAMember() {
        catalog();
        assertThat(search("真丝连衣裙")).isEmpty();
        assertThat(search("真丝连衣裙", true, SearchQuery.Sort.RELEVANCE)).first().isEqualTo(MEMBERS);
    }

    @Test
    void sortsAndFiltersApplyToMatches() {
        catalog();
        assertThat(search("连衣裙", false, SearchQuery.Sort.PRICE_ASC)).containsExactly(DRESS, PRICEY_DRESS);
        assertThat(search("裙", false, SearchQuery.Sort.SALES)).containsExactly(SKIRT, PRICEY_DRESS, DRESS);
        assertThat(index.search(new SearchQuery("裙", null, null, null, 10_000L, 20_000L, false,
                SearchQuery.Sort.RELEVANCE, 0, 20)).spuIds()).containsExactly(DRESS);
        assertThat(index.search(new SearchQuery("裙", null, null, "夏装", null, null, false,
                SearchQuery.Sort.RELEVANCE, 0, 20)).spuIds()).containsExactly(DRESS);
        assertThat(index.search(new SearchQuery("裙", List.of(8L), null, null, null, null, false,
                SearchQuery.Sort.RELEVANCE, 0, 20)).spuIds()).isEmpty();
    }

    @Test
    void pagesByOffset() {
        catalog();
        SearchHits first = index.search(new SearchQuery("裙", null, null, null, null, null, false,
                SearchQuery.Sort.NEWEST, 0, 2));
        SearchHits second = index.search(new SearchQuery("裙", null, null, null, null, null, false,
                SearchQuery.Sort.NEWEST, 2, 2));
        assertThat(first.spuIds()).containsExactly(PRICEY_DRESS, SKIRT);
        assertThat(first.more()).isTrue();
        assertThat(second.spuIds()).containsExactly(DRESS);
        assertThat(second.more()).isFalse();
    }

    @Test
    void replaceRemovesProductsNoLongerOnSale() {
        catalog();
        index.replace(List.of(DRESS, SKIRT), List.of(doc(SKIRT, "黑色百褶半身裙 新款")));
        assertThat(search("连衣裙")).containsExactly(PRICEY_DRESS);
        assertThat(search("新款")).containsExactly(SKIRT);
    }

    @Test
    void punctuationOnlyFindsNothingAndAllowsNoError() {
        catalog();
        assertThat(search("！？")).isEmpty();
    }

    @Test
    void searchesKeepWorkingWhileRebuildsSwapTheIndex() throws Exception {
        catalog();
        Thread rebuilds = new Thread(() -> {
            for (int i = 0; i < 20; i++) {
                catalog();
            }
        });
        rebuilds.start();
        while (rebuilds.isAlive()) {
            assertThat(search("连衣裙")).containsExactlyInAnyOrder(DRESS, PRICEY_DRESS);
        }
        rebuilds.join();
        assertThat(index.size()).isEqualTo(6);
    }

    /** Not a timed assertion: the number goes into the log (and the README). */
    @Test
    void rebuildsTenThousandProducts() {
        String[] words = {"夏季", "新款", "碎花", "连衣裙", "纯棉", "衬衫", "男士", "运动", "跑步鞋", "真丝", "复古", "法式",
                "长款", "短袖", "牛仔裤", "羽绒服", "Nike", "Adidas", "Air", "Max"};
        List<ProductDocument> docs = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            String title = words[i % 20] + words[(i / 20) % 20] + words[(i / 400) % 20] + " 款式" + i;
            docs.add(new ProductDocument(100_000 + i, title, "副标题" + i, "品牌" + (i % 50), "分类" + (i % 30),
                    List.of("tag" + (i % 10)), (long) (i % 30), (long) (i % 50), "PUBLIC", 100 + i, i % 97, 0));
        }
        index.replaceAll(docs.subList(0, 1_000));
        long start = System.nanoTime();
        index.replaceAll(docs);
        long millis = (System.nanoTime() - start) / 1_000_000;
        SearchQuery query = new SearchQuery("碎花连衣裙 nkie", null, null, null, null, null, false,
                SearchQuery.Sort.RELEVANCE, 0, 20);
        SearchHits hits = index.search(query);
        long queryStart = System.nanoTime();
        for (int i = 0; i < 100; i++) {
            index.search(query);
        }
        long queryMicros = (System.nanoTime() - queryStart) / 100_000;
        log.info("search index: 10,000 products rebuilt in {} ms; a fuzzy CJK+Latin query over them takes {} µs",
                millis, queryMicros);
        assertThat(index.size()).isEqualTo(10_000);
        assertThat(hits.totalHits()).isPositive();
    }
}
