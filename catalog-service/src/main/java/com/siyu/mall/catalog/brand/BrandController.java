package com.siyu.mall.catalog.brand;

import com.siyu.mall.catalog.brand.BrandService.BrandPage;
import com.siyu.mall.catalog.brand.BrandService.BrandRequest;
import com.siyu.mall.catalog.brand.BrandService.BrandView;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class BrandController {

    private final BrandService brands;

    BrandController(BrandService brands) {
        this.brands = brands;
    }

    @GetMapping("/admin/v1/brands")
    BrandPage list(@RequestParam(required = false) Long cursor,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        return brands.list(cursor, limit);
    }

    @GetMapping("/admin/v1/brands/{id}")
    BrandView get(@PathVariable long id) {
        return brands.get(id);
    }

    @PostMapping("/admin/v1/brands")
    @ResponseStatus(HttpStatus.CREATED)
    BrandView create(@Valid @RequestBody BrandRequest request) {
        return brands.create(request);
    }

    @PutMapping("/admin/v1/brands/{id}")
    BrandView update(@PathVariable long id, @Valid @RequestBody BrandRequest request) {
        return brands.update(id, request);
    }

    @DeleteMapping("/admin/v1/brands/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id) {
        brands.delete(id);
    }
}
