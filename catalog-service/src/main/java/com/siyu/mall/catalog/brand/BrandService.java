package com.siyu.mall.catalog.brand;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.conditions.update.LambdaUpdateWrapper;
import com.siyu.mall.common.error.MallException;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Service
public class BrandService {

    record BrandRequest(@NotBlank @Size(max = 64) String name,
            @Size(max = 500) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String logoUrl,
            @Size(max = 1000) String description) {
    }

    record BrandView(String id, String name, String logoUrl, String description) {

        static BrandView from(Brand b) {
            return new BrandView(String.valueOf(b.getId()), b.getName(), b.getLogoUrl(), b.getDescription());
        }
    }

    record BrandPage(List<BrandView> items, String nextCursor) {
    }

    private final BrandMapper brands;
    private final JdbcTemplate jdbc;

    BrandService(BrandMapper brands, JdbcTemplate jdbc) {
        this.brands = brands;
        this.jdbc = jdbc;
    }

    BrandPage list(Long cursor, int limit) {
        List<Brand> page = brands.selectList(new LambdaQueryWrapper<Brand>().gt(cursor != null, Brand::getId, cursor)
                .orderByAsc(Brand::getId).last("LIMIT " + (limit + 1)));
        boolean more = page.size() > limit;
        List<Brand> items = more ? page.subList(0, limit) : page;
        return new BrandPage(items.stream().map(BrandView::from).toList(),
                more ? String.valueOf(items.get(items.size() - 1).getId()) : null);
    }

    BrandView get(long id) {
        return BrandView.from(require(brands.selectById(id), id));
    }

    @Transactional
    BrandView create(BrandRequest request) {
        Brand brand = Brand.of(request.name().strip(), request.logoUrl(), request.description());
        try {
            brands.insert(brand);
        } catch (DuplicateKeyException e) {
            throw nameTaken(request);
        }
        return BrandView.from(brand);
    }

    @Transactional
    BrandView update(long id, BrandRequest request) {
        Brand brand = require(lockedBrand(id), id);
        brand.change(request.name().strip(), request.logoUrl(), request.description());
        try {
            brands.update(null, new LambdaUpdateWrapper<Brand>().eq(Brand::getId, id)
                    .set(Brand::getName, brand.getName()).set(Brand::getLogoUrl, brand.getLogoUrl())
                    .set(Brand::getDescription, brand.getDescription()).set(Brand::getUpdatedAt, brand.getUpdatedAt()));
        } catch (DuplicateKeyException e) {
            throw nameTaken(request);
        }
        return BrandView.from(brand);
    }

    @Transactional
    void delete(long id) {
        require(lockedBrand(id), id);
        if (!jdbc.queryForList("SELECT id FROM spu WHERE brand_id = ? LIMIT 1 LOCK IN SHARE MODE", Long.class, id)
                .isEmpty()) {
            throw MallException.conflict("BRAND_IN_USE", "brand " + id + " still has products");
        }
        brands.deleteById(id);
    }

    /** Checks that a product may point at the brand and share-locks it until the caller commits (see delete). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void requireForProduct(long brandId) {
        if (jdbc.queryForList("SELECT id FROM brand WHERE id = ? LOCK IN SHARE MODE", Long.class, brandId).isEmpty()) {
            throw notFound(brandId);
        }
    }

    /** 404 {@code BRAND_NOT_FOUND} when unknown. */
    public void requireExists(long brandId) {
        require(brands.selectById(brandId), brandId);
    }

    private Brand lockedBrand(long id) {
        return brands.selectOne(new LambdaQueryWrapper<Brand>().eq(Brand::getId, id).last("FOR UPDATE"));
    }

    private static Brand require(Brand brand, long id) {
        if (brand == null) {
            throw notFound(id);
        }
        return brand;
    }

    private static MallException notFound(long id) {
        return MallException.notFound("BRAND_NOT_FOUND", "no brand " + id);
    }

    private static MallException nameTaken(BrandRequest request) {
        return MallException.conflict("BRAND_NAME_TAKEN", "a brand is already named " + request.name().strip());
    }
}
