package com.siyu.mall.catalog.inventory;

import com.siyu.mall.common.error.MallException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class InventoryController {

    record StockView(String skuId, int available, int reserved, int sold) {
    }

    private final StockLevels levels;

    InventoryController(StockLevels levels) {
        this.levels = levels;
    }

    @GetMapping("/admin/v1/inventory/{skuId}")
    StockView stock(@PathVariable long skuId) {
        return levels.level(skuId)
                .map(l -> new StockView(String.valueOf(l.skuId()), l.available(), l.reserved(), l.sold()))
                .orElseThrow(() -> MallException.notFound("SKU_NOT_FOUND", "no sku " + skuId));
    }
}
