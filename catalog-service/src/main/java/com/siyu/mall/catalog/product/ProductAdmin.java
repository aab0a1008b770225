package com.siyu.mall.catalog.product;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.conditions.update.LambdaUpdateWrapper;
import com.siyu.mall.catalog.brand.BrandService;
import com.siyu.mall.catalog.category.CategoryService;
import com.siyu.mall.catalog.inventory.Inventory;
import com.siyu.mall.catalog.inventory.StockLevels;
import com.siyu.mall.catalog.product.ProductRequests.CreateProductRequest;
import com.siyu.mall.catalog.product.ProductRequests.PatchSkuRequest;
import com.siyu.mall.catalog.product.ProductViews.AdminProduct;
import com.siyu.mall.catalog.product.ProductViews.AdminSku;
import com.siyu.mall.catalog.product.ProductViews.CreatedProduct;
import com.siyu.mall.catalog.product.ProductViews.CreatedSku;
import com.siyu.mall.common.error.MallException;
import com.siyu.mall.common.event.Topics;
import com.siyu.mall.common.outbox.Outbox;
import com.siyu.mall.contracts.catalog.PriceChanged;
import com.siyu.mall.contracts.catalog.ProductChanged;
import com.siyu.mall.contracts.catalog.ProductPublished;
import com.siyu.mall.contracts.catalog.ProductUnpublished;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Operators' product writes: load (row-locked) → change → save → outbox, one transaction each. Events go to
 * {@code mall.catalog.events} with aggregate type {@value #AGGREGATE} and the SPU id as key.
 */
@Service
public class ProductAdmin {

    static final String AGGREGATE = "Product";

    private final SpuMapper spus;
    private final SkuMapper skus;
    private final ProductTags tags;
    private final ProductJson json;
    private final CategoryService categories;
    private final BrandService brands;
    private final Inventory inventory;
    private final StockLevels stockLevels;
    private final Outbox outbox;
    private final ProductChanges changes;

    ProductAdmin(SpuMapper spus, SkuMapper skus, ProductTags tags, ProductJson json, CategoryService categories,
            BrandService brands, Inventory inventory, StockLevels stockLevels, Outbox outbox, ProductChanges changes) {
        this.spus = spus;
        this.skus = skus;
        this.tags = tags;
        this.json = json;
        this.categories = categories;
        this.brands = brands;
        this.inventory = inventory;
        this.stockLevels = stockLevels;
        this.outbox = outbox;
        this.changes = changes;
    }

    @Transactional
    CreatedProduct create(CreateProductRequest request, String actor) {
        Spu spu = Spu.create(request.status() == null ? Spu.Status.ON_SALE : request.status());
        ProductFields fields = request.fields();
        checkReferences(fields, null);
        apply(spu, fields);
        spus.insert(spu);
        tags.replace(spu.getId(), fields.tags());
        List<CreatedSku> created = new ArrayList<>();
        for (var line : request.skus()) {
            Sku sku = Sku.of(spu.getId(), json.writeSpecs(line.specs()), line.priceFen(), line.originalPriceFen(),
                    line.barcode() == null ? null : line.barcode().strip(), line.weightGrams());
            skus.insert(sku);
            inventory.addInitialStock(sku.getId(), line.stock(), actor);
            created.add(new CreatedSku(String.valueOf(sku.getId()), json.specs(sku), sku.getPriceFen(), line.stock()));
        }
        if (spu.isOnSale()) {
            publishedEvent(spu, fields);
            changes.afterCommit(spu.getId());
        }
        return new CreatedProduct(String.valueOf(spu.getId()), spu.getStatus().name(), created);
    }

    /** For bulk imports: the same create (one transaction, the same events and stock ledger); the new SPU's id. */
    @Transactional
    public long createForImport(CreateProductRequest request, String actor) {
        return Long.parseLong(create(request, actor).spuId());
    }

    AdminProduct get(long spuId) {
        Spu spu = spus.selectById(spuId);
        if (spu == null) {
            throw notFound(spuId);
        }
        List<Sku> its = skus.selectList(new LambdaQueryWrapper<Sku>().eq(Sku::getSpuId, spuId).orderByAsc(Sku::getId));
        Map<Long, StockLevels.Level> levels = stockLevels.levels(its.stream().map(Sku::getId).toList());
        ProductFields f = fieldsOf(spu);
        List<AdminSku> skuViews = its.stream().map(s -> {
            StockLevels.Level l = levels.get(s.getId());
            return new AdminSku(String.valueOf(s.getId()), json.specs(s), s.getPriceFen(), s.getOriginalPriceFen(),
                    s.getBarcode(), s.getWeightGrams(), l.available(), l.reserved(), l.sold(), l.lowStockThreshold());
        }).toList();
        return new AdminProduct(String.valueOf(spuId), f.title(), f.subtitle(), f.description(), f.imageUrls(),
                ProductViews.id(f.categoryId()), ProductViews.id(f.brandId()), f.tags(), f.audience().name(),
                f.perMemberLimit(), f.sortWeight(), spu.getStatus().name(), spu.getCreatedAt(), spu.getUpdatedAt(),
                skuViews);
    }

    /** PUT and PATCH: {@code change} maps the current fields to the new ones; ProductChanged when anything changed. */
    @Transactional
    AdminProduct update(long spuId, UnaryOperator<ProductFields> change) {
        Spu spu = locked(spuId);
        ProductFields before = fieldsOf(spu);
        ProductFields after = change.apply(before);
        if (!after.equals(before)) {
            checkReferences(after, before);
            apply(spu, after);
            spu.setUpdatedAt(Instant.now());
            save(spu);
            tags.replace(spuId, after.tags());
            changedEvent(spu, after);
            changes.afterCommit(spuId);
        }
        return get(spuId);
    }

    @Transactional
    AdminProduct publish(long spuId) {
        Spu spu = locked(spuId);
        if (spu.publish()) {
            save(spu);
            publishedEvent(spu, fieldsOf(spu));
            changes.afterCommit(spuId);
        }
        return get(spuId);
    }

    @Transactional
    AdminProduct unpublish(long spuId) {
        Spu spu = locked(spuId);
        if (spu.unpublish()) {
            save(spu);
            outbox.publish(Topics.CATALOG, AGGREGATE, spuId, new ProductUnpublished(spuId, spu.getStatus().name()));
            changes.afterCommit(spuId);
        }
        return get(spuId);
    }

    /** Price fields, barcode, weight and low-stock threshold of one SKU; PriceChanged and/or ProductChanged. */
    @Transactional
    AdminSku patchSku(long skuId, PatchSkuRequest request) {
        if (request.isEmpty()) {
            throw MallException.badRequest("PATCH_EMPTY", "name at least one field to change");
        }
        Sku sku = skus.selectOne(new LambdaQueryWrapper<Sku>().eq(Sku::getId, skuId).last("FOR UPDATE"));
        if (sku == null) {
            throw MallException.notFound("SKU_NOT_FOUND", "no sku " + skuId);
        }
        long oldPrice = sku.getPriceFen();
        long price = request.priceFen() != null ? request.priceFen() : oldPrice;
        Long original = request.originalPriceFen() == null ? sku.getOriginalPriceFen()
                : request.originalPriceFen() == 0 ? null : request.originalPriceFen();
        String barcode = request.barcode() == null ? sku.getBarcode()
                : request.barcode().isBlank() ? null : request.barcode().strip();
        Integer weight = request.weightGrams() != null ? request.weightGrams() : sku.getWeightGrams();
        PriceRules.check(price, original);
        boolean displayChanged = !Objects.equals(original, sku.getOriginalPriceFen())
                || !Objects.equals(barcode, sku.getBarcode()) || !Objects.equals(weight, sku.getWeightGrams());
        skus.update(null, new LambdaUpdateWrapper<Sku>().eq(Sku::getId, skuId).set(Sku::getPriceFen, price)
                .set(Sku::getOriginalPriceFen, original).set(Sku::getBarcode, barcode)
                .set(Sku::getWeightGrams, weight).set(Sku::getUpdatedAt, Instant.now()));
        if (request.lowStockThreshold() != null) {
            inventory.setLowStockThreshold(skuId, request.lowStockThreshold());
        }
        if (price != oldPrice) {
            outbox.publish(Topics.CATALOG, AGGREGATE, sku.getSpuId(),
                    new PriceChanged(skuId, sku.getSpuId(), oldPrice, price));
        }
        if (displayChanged) {
            Spu spu = spus.selectById(sku.getSpuId());
            changedEvent(spu, fieldsOf(spu));
        }
        if (displayChanged || price != oldPrice) {
            changes.afterCommit(sku.getSpuId());
        }
        return get(sku.getSpuId()).skus().stream().filter(s -> s.skuId().equals(String.valueOf(skuId))).findFirst()
                .orElseThrow();
    }

    private void checkReferences(ProductFields after, ProductFields before) {
        if (after.categoryId() != null && (before == null || !after.categoryId().equals(before.categoryId()))) {
            categories.requireForProduct(after.categoryId());
        }
        if (after.brandId() != null && (before == null || !after.brandId().equals(before.brandId()))) {
            brands.requireForProduct(after.brandId());
        }
    }

    private Spu locked(long spuId) {
        Spu spu = spus.selectOne(new LambdaQueryWrapper<Spu>().eq(Spu::getId, spuId).last("FOR UPDATE"));
        if (spu == null) {
            throw notFound(spuId);
        }
        return spu;
    }

    private void apply(Spu spu, ProductFields f) {
        spu.setTitle(f.title());
        spu.setSubtitle(f.subtitle());
        spu.setDescription(f.description());
        spu.setImageUrls(json.writeImageUrls(f.imageUrls()));
        spu.setCategoryId(f.categoryId());
        spu.setBrandId(f.brandId());
        spu.setAudience(f.audience());
        spu.setPerMemberLimit(f.perMemberLimit());
        spu.setSortWeight(f.sortWeight());
    }

    /** Writes every column, nulls included (updateById would skip them). */
    private void save(Spu spu) {
        spus.update(null, new LambdaUpdateWrapper<Spu>().eq(Spu::getId, spu.getId())
                .set(Spu::getTitle, spu.getTitle()).set(Spu::getSubtitle, spu.getSubtitle())
                .set(Spu::getDescription, spu.getDescription()).set(Spu::getImageUrls, spu.getImageUrls())
                .set(Spu::getCategoryId, spu.getCategoryId()).set(Spu::getBrandId, spu.getBrandId())
                .set(Spu::getAudience, spu.getAudience()).set(Spu::getPerMemberLimit, spu.getPerMemberLimit())
                .set(Spu::getSortWeight, spu.getSortWeight()).set(Spu::getStatus, spu.getStatus())
                .set(Spu::getUpdatedAt, spu.getUpdatedAt()));
    }

    private ProductFields fieldsOf(Spu spu) {
        return json.fields(spu, tags.of(List.of(spu.getId())).getOrDefault(spu.getId(), List.of()));
    }

    private void publishedEvent(Spu spu, ProductFields f) {
        long minPrice = skus.selectList(new LambdaQueryWrapper<Sku>().eq(Sku::getSpuId, spu.getId())).stream()
                .mapToLong(Sku::getPriceFen).min().orElse(0);
        outbox.publish(Topics.CATALOG, AGGREGATE, spu.getId(), new ProductPublished(spu.getId(), f.title(),
                f.categoryId(), f.brandId(), f.tags(), f.audience().name(), minPrice));
    }

    private void changedEvent(Spu spu, ProductFields f) {
        outbox.publish(Topics.CATALOG, AGGREGATE, spu.getId(), new ProductChanged(spu.getId(), f.title(),
                spu.getStatus().name(), f.categoryId(), f.brandId(), f.tags(), f.audience().name()));
    }

    static MallException notFound(long spuId) {
        return MallException.notFound("PRODUCT_NOT_FOUND", "no product " + spuId);
    }
}
