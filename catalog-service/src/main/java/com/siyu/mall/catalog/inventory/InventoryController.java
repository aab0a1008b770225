package com.siyu.mall.catalog.inventory;

import com.siyu.mall.catalog.inventory.StockLevels.LedgerEntry;
import com.siyu.mall.catalog.inventory.StockLevels.Level;
import com.siyu.mall.common.error.MallException;
import com.siyu.mall.common.security.CurrentUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class InventoryController {

    record StockView(String skuId, int available, int reserved, int sold, int lowStockThreshold) {

        static StockView from(Level l) {
            return new StockView(String.valueOf(l.skuId()), l.available(), l.reserved(), l.sold(), l.lowStockThreshold());
        }
    }

    record InventoryItem(String skuId, String spuId, int available, int reserved, int sold, int lowStockThreshold) {
    }

    record InventoryPage(List<InventoryItem> items, String nextCursor) {
    }

    record LedgerView(String id, String changeType, int deltaAvailable, int deltaReserved, int deltaSold,
            String orderId, String reason, String actor, Instant createdAt) {

        static LedgerView from(LedgerEntry e) {
            return new LedgerView(String.valueOf(e.id()), e.changeType(), e.deltaAvailable(), e.deltaReserved(),
                    e.deltaSold(), e.orderId() == null ? null : String.valueOf(e.orderId()), e.reason(), e.actor(),
                    e.createdAt());
        }
    }

    record LedgerPage(List<LedgerView> items, String nextCursor) {
    }

    record StockAdjustmentRequest(@NotNull @Min(-10_000_000) @Max(10_000_000) Integer delta,
            @NotBlank @Size(max = 200) String reason) {
    }

    private final StockLevels levels;
    private final Inventory inventory;

    InventoryController(StockLevels levels, Inventory inventory) {
        this.levels = levels;
        this.inventory = inventory;
    }

    @GetMapping("/admin/v1/inventory/{skuId}")
    StockView stock(@PathVariable long skuId) {
        return levels.level(skuId).map(StockView::from).orElseThrow(() -> skuNotFound(skuId));
    }

    @GetMapping("/admin/v1/inventory")
    InventoryPage inventory(@RequestParam(defaultValue = "false") boolean lowStock,
            @RequestParam(required = false) Long cursor,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        List<StockLevels.Item> page = levels.page(lowStock, cursor, limit + 1);
        boolean more = page.size() > limit;
        List<StockLevels.Item> items = more ? page.subList(0, limit) : page;
        return new InventoryPage(items.stream().map(i -> new InventoryItem(String.valueOf(i.skuId()),
                String.valueOf(i.spuId()), i.level().available(), i.level().reserved(), i.level().sold(),
                i.level().lowStockThreshold())).toList(),
                more ? String.valueOf(items.get(items.size() - 1).skuId()) : null);
    }

    /** Adds or removes available stock; the answer is the SKU's stock after the change. */
    @PostMapping("/admin/v1/skus/{skuId}/stock-adjustments")
    StockView adjust(@PathVariable long skuId, @Valid @RequestBody StockAdjustmentRequest request) {
        if (request.delta() == 0) {
            throw MallException.badRequest("ADJUSTMENT_DELTA_ZERO", "delta must not be 0");
        }
        return StockView.from(inventory.adjust(skuId, request.delta(), request.reason().strip(), CurrentUser.subject()));
    }

    @GetMapping("/admin/v1/skus/{skuId}/stock-ledger")
    LedgerPage ledger(@PathVariable long skuId, @RequestParam(required = false) Long cursor,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        if (levels.level(skuId).isEmpty()) {
            throw skuNotFound(skuId);
        }
        List<LedgerEntry> page = levels.ledger(skuId, cursor, limit + 1);
        boolean more = page.size() > limit;
        List<LedgerEntry> items = more ? page.subList(0, limit) : page;
        return new LedgerPage(items.stream().map(LedgerView::from).toList(),
                more ? String.valueOf(items.get(items.size() - 1).id()) : null);
    }

    private static MallException skuNotFound(long skuId) {
        return MallException.notFound("SKU_NOT_FOUND", "no sku " + skuId);
    }
}
