package com.siyu.mall.catalog.product;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.siyu.mall.catalog.audience.AudienceRules;
import com.siyu.mall.catalog.audience.PurchaseCounts;
import com.siyu.mall.catalog.brand.BrandService;
import com.siyu.mall.catalog.category.CategoryService;
import com.siyu.mall.catalog.inventory.StockLevels;
import com.siyu.mall.catalog.pricing.MemberBenefitsCache;
import com.siyu.mall.catalog.pricing.MemberPrices;
import com.siyu.mall.catalog.pricing.MemberPricing;
import com.siyu.mall.catalog.product.ListingCursor.Sort;
import com.siyu.mall.catalog.product.ProductListing.Filter;
import com.siyu.mall.catalog.product.ProductListing.Row;
import com.siyu.mall.catalog.product.ProductListing.StockSum;
import com.siyu.mall.catalog.product.ProductViews.ProductDetail;
import com.siyu.mall.catalog.product.ProductViews.ProductPage;
import com.siyu.mall.catalog.product.ProductViews.ProductSummary;
import com.siyu.mall.catalog.product.ProductViews.SkuView;
import com.siyu.mall.catalog.search.ProductSearch;
import com.siyu.mall.catalog.search.SearchCursor;
import com.siyu.mall.catalog.search.SearchHits;
import com.siyu.mall.catalog.search.SearchQuery;
import com.siyu.mall.common.error.MallException;
import com.siyu.mall.contracts.catalog.PriceQuote;
import com.siyu.mall.contracts.catalog.PriceQuoteRequest;
import com.siyu.mall.contracts.member.MemberBenefits;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/** Public reads (listing, detail) and the internal price quote. */
@Service
public class ProductService {

    record ListingQuery(String keyword, Long categoryId, Long brandId, String tag, Long minPriceFen, Long maxPriceFen,
            String sort, String cursor, int limit, String q) {

        boolean isSearch() {
            return q != null && !q.isBlank();
        }
    }

    private final SpuMapper spus;
    private final SkuMapper skus;
    private final ProductTags tags;
    private final ProductJson json;
    private final ProductListing listing;
    private final CategoryService categories;
    private final BrandService brands;
    private final StockLevels stockLevels;
    private final MemberBenefitsCache memberBenefits;
    private final MemberPrices memberPrices;
    private final PurchaseCounts purchaseCounts;
    private final ProductCache cache;
    private final ProductSearch search;

    ProductService(SpuMapper spus, SkuMapper skus, ProductTags tags, ProductJson json, ProductListing listing,
            CategoryService categories, BrandService brands, StockLevels stockLevels,
            MemberBenefitsCache memberBenefits, MemberPrices memberPrices, PurchaseCounts purchaseCounts,
            ProductCache cache, ProductSearch search) {
        this.memberBenefits = memberBenefits;
        this.memberPrices = memberPrices;
        this.purchaseCounts = purchaseCounts;
        this.spus = spus;
        this.skus = skus;
        this.tags = tags;
        this.json = json;
        this.listing = listing;
        this.categories = categories;
        this.brands = brands;
        this.stockLevels = stockLevels;
        this.cache = cache;
        this.search = search;
    }

    /**
     * ON_SALE products the caller may see; a category filter includes its sub-categories. With {@code q}, a keyword
     * search ({@link #search}). First pages (not by sales) are cached per filters and viewer kind; stock and sales are
     * read fresh.
     */
    ProductPage list(ListingQuery q, boolean member) {
        checkPriceRange(q);
        if (q.isSearch()) {
            return search(q, member);
        }
        Sort sort = Sort.parse(q.sort());
        ListingCursor cursor = ListingCursor.decode(q.cursor(), sort);
        List<Long> categoryIds = q.categoryId() == null ? null : categories.withDescendants(q.categoryId());
        if (q.brandId() != null) {
            brands.requireExists(q.brandId());
        }
        // sales move with every paid order and no product event says so: sales-sorted pages are never cached
        if (cursor == null && sort != Sort.SALES && cache.enabled()) {
            return withFreshStock(cache.listing(new ProductCache.ListingKey(q, member),
                    () -> page(q, member, sort, null, categoryIds)));
        }
        return page(q, member, sort, cursor, categoryIds);
    }

    private ProductPage page(ListingQuery q, boolean member, Sort sort, ListingCursor cursor, List<Long> categoryIds) {
        List<Row> rows = listing.page(new Filter(q.keyword(), categoryIds, q.brandId(), q.tag(), q.minPriceFen(),
                q.maxPriceFen(), member), sort, cursor, q.limit() + 1);
        boolean more = rows.size() > q.limit();
        List<Row> page = more ? rows.subList(0, q.limit()) : rows;
        Row last = page.isEmpty() ? null : page.get(page.size() - 1);
        String next = more ? new ListingCursor(sort, last.key(sort), last.spuId()).encode() : null;
        return new ProductPage(summaries(page), next);
    }

    /**
     * Keyword search in this replica's Lucene index ({@code sort} defaults to relevance; offset cursors). The hits'
     * rows come from the database, so a product unpublished a moment ago on another replica is not shown.
     */
    private ProductPage search(ListingQuery q, boolean member) {
        SearchQuery.Sort sort = SearchQuery.Sort.parse(q.sort());
        int offset = SearchCursor.decode(q.cursor(), sort);
        List<Long> categoryIds = q.categoryId() == null ? null : categories.withDescendants(q.categoryId());
        if (q.brandId() != null) {
            brands.requireExists(q.brandId());
        }
        SearchHits hits = search.search(new SearchQuery(q.q().strip(), categoryIds, q.brandId(), q.tag(),
                q.minPriceFen(), q.maxPriceFen(), member, sort, offset, q.limit()));
        Map<Long, Row> rows = listing.rows(hits.spuIds(), member);
        List<Row> ordered = hits.spuIds().stream().map(rows::get).filter(Objects::nonNull).toList();
        return new ProductPage(summaries(ordered), hits.more() ? SearchCursor.encode(sort, offset + q.limit()) : null);
    }

    private static void checkPriceRange(ListingQuery q) {
        if (q.minPriceFen() != null && q.maxPriceFen() != null && q.minPriceFen() > q.maxPriceFen()) {
            throw MallException.badRequest("PRICE_RANGE_INVALID", "minPriceFen is above maxPriceFen");
        }
    }

    private List<ProductSummary> summaries(List<Row> page) {
        Map<Long, List<Sku>> skusBySpu = skusOf(page.stream().map(Row::spuId).toList());
        Map<Long, Integer> available = stockLevels.available(
                skusBySpu.values().stream().flatMap(Collection::stream).map(Sku::getId).toList());
        return page.stream().map(row -> {
            int stock = skusBySpu.getOrDefault(row.spuId(), List.of()).stream()
                    .mapToInt(s -> available.getOrDefault(s.getId(), 0)).sum();
            List<String> images = json.imageUrls(row.imageUrls());
            return new ProductSummary(String.valueOf(row.spuId()), row.title(), row.subtitle(),
                    images.isEmpty() ? null : images.get(0), row.minPriceFen(), stock, row.sales());
        }).toList();
    }

    /** A cached page with current stock and sales (one grouped query); its order is as of when it was cached. */
    private ProductPage withFreshStock(ProductPage cached) {
        Map<Long, StockSum> sums = listing.stock(cached.items().stream().map(i -> Long.parseLong(i.spuId())).toList());
        return new ProductPage(cached.items().stream().map(i -> {
            StockSum sum = sums.getOrDefault(Long.parseLong(i.spuId()), new StockSum(0, 0));
            return new ProductSummary(i.spuId(), i.title(), i.subtitle(), i.imageUrl(), i.minPriceFen(),
                    (int) sum.available(), sum.sold());
        }).toList(), cached.nextCursor());
    }

    /**
     * 404 unless ON_SALE and visible to the caller (members-only products are hidden from anonymous callers). The
     * member-independent view is cached; SKU stock is read fresh on every call (display only: reservations decide
     * under row locks anyway).
     */
    ProductDetail detail(long spuId, boolean member) {
        ProductDetail base = cache.detail(spuId, () -> loadDetail(spuId));
        if (base == null || !base.status().equals(Spu.Status.ON_SALE.name())
                || !(member || base.audience().equals(Spu.Audience.PUBLIC.name()))) {
            throw ProductAdmin.notFound(spuId);
        }
        Map<Long, Integer> available = stockLevels.available(
                base.skus().stream().map(s -> Long.parseLong(s.skuId())).toList());
        List<SkuView> skuViews = base.skus().stream().map(s -> new SkuView(s.skuId(), s.specs(), s.priceFen(),
                s.originalPriceFen(), available.getOrDefault(Long.parseLong(s.skuId()), 0))).toList();
        return new ProductDetail(base.spuId(), base.title(), base.subtitle(), base.description(), base.imageUrls(),
                base.categoryId(), base.brandId(), base.tags(), base.audience(), base.perMemberLimit(), base.status(),
                skuViews);
    }

    /** The product in any status, stock left at 0; null when there is none. */
    private ProductDetail loadDetail(long spuId) {
        Spu spu = spus.selectById(spuId);
        if (spu == null) {
            return null;
        }
        ProductFields f = json.fields(spu, tags.of(List.of(spuId)).getOrDefault(spuId, List.of()));
        List<SkuView> views = skusOf(List.of(spuId)).getOrDefault(spuId, List.of()).stream().map(s -> new SkuView(
                String.valueOf(s.getId()), json.specs(s), s.getPriceFen(), s.getOriginalPriceFen(), 0)).toList();
        return new ProductDetail(String.valueOf(spuId), f.title(), f.subtitle(), f.description(), f.imageUrls(),
                ProductViews.id(f.categoryId()), ProductViews.id(f.brandId()), f.tags(), f.audience().name(),
                f.perMemberLimit(), spu.getStatus().name(), views);
    }

    /**
     * The detail with the calling member's price per SKU (the quote's rules). When member-service cannot say, the
     * detail stays as it is: list prices only, never an error on a public read.
     */
    ProductDetail withMemberPrices(ProductDetail detail, long memberId) {
        MemberBenefits benefits;
        try {
            benefits = memberBenefits.of(memberId);
        } catch (RuntimeException unavailable) {
            return detail;
        }
        Map<Long, Long> levelPrices = memberPrices.forLevel(
                detail.skus().stream().map(s -> Long.parseLong(s.skuId())).toList(), benefits.levelCode());
        return detail.withSkus(detail.skus().stream().map(s -> {
            MemberPricing.Price price = MemberPricing.of(s.priceFen(), levelPrices.get(Long.parseLong(s.skuId())),
                    benefits);
            return new SkuView(s.skuId(), s.specs(), s.priceFen(), s.originalPriceFen(), s.available(),
                    price.unitPriceFen(), price.rule());
        }).toList());
    }

    /**
     * Unit prices for an order. Without {@code memberId} the request is anonymous: list prices, and no members-only
     * product. With one, the member's benefits (member-service, cached briefly) select the price
     * ({@link MemberPricing}) and the audience rules apply ({@link AudienceRules}); when member-service is
     * unavailable the quote fails 503 DEPENDENCY_UNAVAILABLE rather than charge a price nobody was shown.
     */
    PriceQuote quote(PriceQuoteRequest request) {
        boolean member = request.memberId() != null;
        List<Long> skuIds = request.lines().stream().map(PriceQuoteRequest.Line::skuId).distinct().toList();
        Map<Long, Sku> found = skus.selectList(new LambdaQueryWrapper<Sku>().in(Sku::getId, skuIds)).stream()
                .collect(Collectors.toMap(Sku::getId, Function.identity()));
        Map<Long, Spu> spuById = found.isEmpty() ? Map.of()
                : spus.selectList(new LambdaQueryWrapper<Spu>().in(Spu::getId,
                        found.values().stream().map(Sku::getSpuId).distinct().toList())).stream()
                        .collect(Collectors.toMap(Spu::getId, Function.identity()));
        Map<Long, Integer> unitsBySpu = new HashMap<>();
        for (PriceQuoteRequest.Line line : request.lines()) {
            Sku sku = found.get(line.skuId());
            if (sku == null) {
                throw MallException.unprocessable("SKU_NOT_FOUND", "no sku " + line.skuId());
            }
            Spu spu = spuById.get(sku.getSpuId());
            if (spu == null || !spu.sellableTo(member)) {
                throw MallException.unprocessable("SKU_UNAVAILABLE", "sku " + line.skuId() + " is not on sale"
                        + (spu != null && spu.isOnSale() ? " to anonymous callers" : ""));
            }
            unitsBySpu.merge(spu.getId(), line.quantity(), Integer::sum);
        }
        MemberBenefits benefits = member ? memberBenefits.of(request.memberId()) : null;
        Map<Long, Long> levelPrices = member ? memberPrices.forLevel(found.keySet(), benefits.levelCode()) : Map.of();
        if (member) {
            checkAudience(request.memberId(), benefits, unitsBySpu, spuById);
        }
        List<PriceQuote.Line> lines = request.lines().stream().map(line -> {
            Sku sku = found.get(line.skuId());
            Spu spu = spuById.get(sku.getSpuId());
            MemberPricing.Price price = member ? MemberPricing.of(sku.getPriceFen(), levelPrices.get(sku.getId()),
                    benefits) : MemberPricing.guest(sku.getPriceFen());
            return new PriceQuote.Line(sku.getId(), spu.getId(), spu.getTitle(), json.specs(sku), line.quantity(),
                    price.unitPriceFen(), price.rule());
        }).toList();
        long total = lines.stream().mapToLong(l -> l.unitPriceFen() * l.quantity()).sum();
        return new PriceQuote(lines, total);
    }

    private void checkAudience(long memberId, MemberBenefits benefits, Map<Long, Integer> unitsBySpu,
            Map<Long, Spu> spuById) {
        List<Long> limited = unitsBySpu.keySet().stream().filter(id -> AudienceRules.limit(
                spuById.get(id).getAudience().name(), spuById.get(id).getPerMemberLimit()) != null).sorted().toList();
        Map<Long, Integer> held = purchaseCounts.held(memberId, limited);
        for (Long spuId : limited) {
            Spu spu = spuById.get(spuId);
            AudienceRules.checkMember(spuId, spu.getAudience().name(), spu.getPerMemberLimit(), benefits.lifecycle(),
                    held.getOrDefault(spuId, 0), unitsBySpu.get(spuId));
        }
    }

    private Map<Long, List<Sku>> skusOf(List<Long> spuIds) {
        if (spuIds.isEmpty()) {
            return Map.of();
        }
        return skus.selectList(new LambdaQueryWrapper<Sku>().in(Sku::getSpuId, spuIds).orderByAsc(Sku::getId))
                .stream().collect(Collectors.groupingBy(Sku::getSpuId));
    }
}
