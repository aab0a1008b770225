package com.siyu.mall.catalog.product;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.siyu.mall.catalog.inventory.StockLevels;
import com.siyu.mall.catalog.inventory.Inventory;
import com.siyu.mall.catalog.product.ProductRequests.CreateProductRequest;
import com.siyu.mall.catalog.product.ProductViews.CreatedProduct;
import com.siyu.mall.catalog.product.ProductViews.CreatedSku;
import com.siyu.mall.catalog.product.ProductViews.ProductDetail;
import com.siyu.mall.catalog.product.ProductViews.ProductPage;
import com.siyu.mall.catalog.product.ProductViews.ProductSummary;
import com.siyu.mall.catalog.product.ProductViews.SkuView;
import com.siyu.mall.common.error.MallException;
import com.siyu.mall.contracts.catalog.PriceQuote;
import com.siyu.mall.contracts.catalog.PriceQuoteRequest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Service
public class ProductService {

    static final String LIST_PRICE = "LIST_PRICE";
    private static final TypeReference<Map<String, String>> SPECS = new TypeReference<>() { };

    private final SpuMapper spus;
    private final SkuMapper skus;
    private final Inventory inventory;
    private final StockLevels stockLevels;
    private final JsonMapper json;

    ProductService(SpuMapper spus, SkuMapper skus, Inventory inventory, StockLevels stockLevels, JsonMapper json) {
        this.spus = spus;
        this.skus = skus;
        this.inventory = inventory;
        this.stockLevels = stockLevels;
        this.json = json;
    }

    @Transactional
    CreatedProduct create(CreateProductRequest request, String actor) {
        Spu spu = Spu.onSale(request.title().strip(), request.description());
        spus.insert(spu);
        List<CreatedSku> created = new ArrayList<>();
        for (var line : request.skus()) {
            Map<String, String> specs = line.specs() == null ? Map.of() : new TreeMap<>(line.specs());
            Sku sku = Sku.of(spu.getId(), json.writeValueAsString(specs), line.priceFen());
            skus.insert(sku);
            inventory.addInitialStock(sku.getId(), line.stock(), actor);
            created.add(new CreatedSku(String.valueOf(sku.getId()), specs, sku.getPriceFen(), line.stock()));
        }
        return new CreatedProduct(String.valueOf(spu.getId()), created);
    }

    ProductPage list(String keyword, Long cursor, int limit) {
        LambdaQueryWrapper<Spu> query = new LambdaQueryWrapper<Spu>()
                .eq(Spu::getStatus, Spu.Status.ON_SALE)
                .lt(cursor != null, Spu::getId, cursor)
                .orderByDesc(Spu::getId)
                .last("LIMIT " + (limit + 1));
        if (keyword != null && !keyword.isBlank()) {
            query.like(Spu::getTitle, keyword.strip());
        }
        List<Spu> page = spus.selectList(query);
        boolean more = page.size() > limit;
        if (more) {
            page = page.subList(0, limit);
        }
        Map<Long, List<Sku>> skusBySpu = skusOf(page.stream().map(Spu::getId).toList());
        Map<Long, Integer> available = stockLevels.available(
                skusBySpu.values().stream().flatMap(Collection::stream).map(Sku::getId).toList());
        List<ProductSummary> items = page.stream().map(spu -> {
            List<Sku> its = skusBySpu.getOrDefault(spu.getId(), List.of());
            long minPrice = its.stream().mapToLong(Sku::getPriceFen).min().orElse(0);
            int stock = its.stream().mapToInt(s -> available.getOrDefault(s.getId(), 0)).sum();
            return new ProductSummary(String.valueOf(spu.getId()), spu.getTitle(), minPrice, stock);
        }).toList();
        String next = more ? String.valueOf(page.get(page.size() - 1).getId()) : null;
        return new ProductPage(items, next);
    }

    ProductDetail detail(long spuId) {
        Spu spu = spus.selectById(spuId);
        if (spu == null || !spu.isOnSale()) {
            throw MallException.notFound("PRODUCT_NOT_FOUND", "no product " + spuId);
        }
        List<Sku> its = skusOf(List.of(spuId)).getOrDefault(spuId, List.of());
        Map<Long, Integer> available = stockLevels.available(its.stream().map(Sku::getId).toList());
        List<SkuView> views = its.stream().map(s -> new SkuView(String.valueOf(s.getId()), specs(s),
                s.getPriceFen(), available.getOrDefault(s.getId(), 0))).toList();
        return new ProductDetail(String.valueOf(spu.getId()), spu.getTitle(), spu.getDescription(),
                spu.getStatus().name(), views);
    }

    /**
     * Unit prices for an order. Today every SKU sells at its list price; member and channel prices arrive with
     * the catalog issue and will show in {@code priceRule}.
     */
    PriceQuote quote(PriceQuoteRequest request) {
        List<Long> skuIds = request.lines().stream().map(PriceQuoteRequest.Line::skuId).distinct().toList();
        Map<Long, Sku> found = skus.selectList(new LambdaQueryWrapper<Sku>().in(Sku::getId, skuIds)).stream()
                .collect(Collectors.toMap(Sku::getId, Function.identity()));
        Map<Long, Spu> spuById = found.isEmpty() ? Map.of()
                : spus.selectList(new LambdaQueryWrapper<Spu>().in(Spu::getId,
                        found.values().stream().map(Sku::getSpuId).distinct().toList())).stream()
                        .collect(Collectors.toMap(Spu::getId, Function.identity()));
        List<PriceQuote.Line> lines = request.lines().stream().map(line -> {
            Sku sku = found.get(line.skuId());
            if (sku == null) {
                throw MallException.unprocessable("SKU_NOT_FOUND", "no sku " + line.skuId());
            }
            Spu spu = spuById.get(sku.getSpuId());
            if (spu == null || !spu.isOnSale()) {
                throw MallException.unprocessable("SKU_UNAVAILABLE", "sku " + line.skuId() + " is not on sale");
            }
            return new PriceQuote.Line(sku.getId(), spu.getId(), spu.getTitle(), specs(sku), line.quantity(),
                    sku.getPriceFen(), LIST_PRICE);
        }).toList();
        long total = lines.stream().mapToLong(l -> l.unitPriceFen() * l.quantity()).sum();
        return new PriceQuote(lines, total);
    }

    Map<String, String> specs(Sku sku) {
        return json.readValue(sku.getSpecs(), SPECS);
    }

    private Map<Long, List<Sku>> skusOf(List<Long> spuIds) {
        if (spuIds.isEmpty()) {
            return Map.of();
        }
        return skus.selectList(new LambdaQueryWrapper<Sku>().in(Sku::getSpuId, spuIds).orderByAsc(Sku::getId))
                .stream().collect(Collectors.groupingBy(Sku::getSpuId));
    }
}
