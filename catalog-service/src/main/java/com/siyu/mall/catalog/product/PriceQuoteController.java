package com.siyu.mall.catalog.product;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.siyu.mall.common.error.MallException;
import com.siyu.mall.contracts.catalog.PriceQuote;
import com.siyu.mall.contracts.catalog.PriceQuoteRequest;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The only source of prices for orders (service-to-service; never routed by the gateway). Today every SKU sells
 * at its list price; member and channel prices arrive with the catalog issue and show up in {@code priceRule}.
 */
@RestController
class PriceQuoteController {

    static final String LIST_PRICE = "LIST_PRICE";

    private final SkuMapper skus;
    private final SpuMapper spus;
    private final ProductService products;

    PriceQuoteController(SkuMapper skus, SpuMapper spus, ProductService products) {
        this.skus = skus;
        this.spus = spus;
        this.products = products;
    }

    @PostMapping("/internal/catalog/price-quotes")
    PriceQuote quote(@Valid @RequestBody PriceQuoteRequest request) {
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
            return new PriceQuote.Line(sku.getId(), spu.getId(), spu.getTitle(), products.specs(sku), line.quantity(),
                    sku.getPriceFen(), LIST_PRICE);
        }).toList();
        long total = lines.stream().mapToLong(l -> l.unitPriceFen() * l.quantity()).sum();
        return new PriceQuote(lines, total);
    }
}
