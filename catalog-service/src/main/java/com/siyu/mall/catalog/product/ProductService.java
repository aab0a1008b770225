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
import com.siyu.mall.catalog.product.ProductViews.ProductDetail;
import com.siyu.mall.catalog.product.ProductViews.ProductPage;
import com.siyu.mall.catalog.product.ProductViews.ProductSummary;
import com.siyu.mall.catalog.product.ProductViews.SkuView;
import com.siyu.mall.common.error.MallException;
import com.siyu.mall.contracts.catalog.PriceQuote;
import com.siyu.mall.contracts.catalog.PriceQuoteRequest;
import com.siyu.mall.contracts.member.MemberBenefits;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/** Public reads (listing, detail) and the internal price quote. */
@Service
public class ProductService {

    record ListingQuery(String keyword, Long categoryId, Long brandId, String tag, Long minPriceFen, Long maxPriceFen,
            String sort, String cursor, int limit) {
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

    ProductService(SpuMapper spus, SkuMapper skus, ProductTags tags, ProductJson json, ProductListing listing,
            CategoryService categories, BrandService brands, StockLevels stockLevels,
            MemberBenefitsCache memberBenefits, MemberPrices memberPrices, PurchaseCounts purchaseCounts) {
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
    }

    /** ON_SALE products the caller may see; a category filter includes its sub-categories. */
    ProductPage list(ListingQuery q, boolean member) {
        if (q.minPriceFen() != null && q.maxPriceFen() != null && q.minPriceFen() > q.maxPriceFen()) {
            throw MallException.badRequest("PRICE_RANGE_INVALID", "minPriceFen is above maxPriceFen");
        }
        Sort sort = Sort.parse(q.sort());
        ListingCursor cursor = ListingCursor.decode(q.cursor(), sort);
        List<Long> categoryIds = q.categoryId() == null ? null : categories.withDescendants(q.categoryId());
        if (q.brandId() != null) {
            brands.requireExists(q.brandId());
        }
        List<Row> rows = listing.page(new Filter(q.keyword(), categoryIds, q.brandId(), q.tag(), q.minPriceFen(),
                q.maxPriceFen(), member), sort, cursor, q.limit() + 1);
        boolean more = rows.size() > q.limit();
        List<Row> page = more ? rows.subList(0, q.limit()) : rows;
        Map<Long, List<Sku>> skusBySpu = skusOf(page.stream().map(Row::spuId).toList());
        Map<Long, Integer> available = stockLevels.available(
                skusBySpu.values().stream().flatMap(Collection::stream).map(Sku::getId).toList());
        List<ProductSummary> items = page.stream().map(row -> {
            int stock = skusBySpu.getOrDefault(row.spuId(), List.of()).stream()
                    .mapToInt(s -> available.getOrDefault(s.getId(), 0)).sum();
            List<String> images = json.imageUrls(row.imageUrls());
            return new ProductSummary(String.valueOf(row.spuId()), row.title(), row.subtitle(),
                    images.isEmpty() ? null : images.get(0), row.minPriceFen(), stock, row.sales());
        }).toList();
        Row last = page.isEmpty() ? null : page.get(page.size() - 1);
        String next = more ? new ListingCursor(sort, last.key(sort), last.spuId()).encode() : null;
        return new ProductPage(items, next);
    }

    /** 404 unless ON_SALE and visible to the caller (members-only products are hidden from anonymous callers). */
    ProductDetail detail(long spuId, boolean member) {
        Spu spu = spus.selectById(spuId);
        if (spu == null || !spu.sellableTo(member)) {
            throw ProductAdmin.notFound(spuId);
        }
        ProductFields f = json.fields(spu, tags.of(List.of(spuId)).getOrDefault(spuId, List.of()));
        List<Sku> its = skusOf(List.of(spuId)).getOrDefault(spuId, List.of());
        Map<Long, Integer> available = stockLevels.available(its.stream().map(Sku::getId).toList());
        List<SkuView> views = its.stream().map(s -> new SkuView(String.valueOf(s.getId()), json.specs(s),
                s.getPriceFen(), s.getOriginalPriceFen(), available.getOrDefault(s.getId(), 0))).toList();
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
