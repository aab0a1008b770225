package com.siyu.mall.order.order;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import com.siyu.mall.contracts.order.OrderLine;

/** A line with the price and product snapshot taken from catalog's quote at checkout. */
@TableName("sales_order_line")
public class OrderLineRow {

    @TableId(type = IdType.ASSIGN_ID)
    private Long id;
    private Long orderId;
    private Long skuId;
    private Long spuId;
    private String title;
    private String specs;
    private Integer quantity;
    private Long unitPriceFen;
    private String priceRule;

    static OrderLineRow of(long orderId, long skuId, long spuId, String title, String specs, int quantity,
            long unitPriceFen, String priceRule) {
        OrderLineRow row = new OrderLineRow();
        row.orderId = orderId;
        row.skuId = skuId;
        row.spuId = spuId;
        row.title = title;
        row.specs = specs;
        row.quantity = quantity;
        row.unitPriceFen = unitPriceFen;
        row.priceRule = priceRule;
        return row;
    }

    OrderLine contract() {
        return new OrderLine(skuId, spuId, quantity, unitPriceFen);
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Long getOrderId() { return orderId; }
    public void setOrderId(Long orderId) { this.orderId = orderId; }
    public Long getSkuId() { return skuId; }
    public void setSkuId(Long skuId) { this.skuId = skuId; }
    public Long getSpuId() { return spuId; }
    public void setSpuId(Long spuId) { this.spuId = spuId; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getSpecs() { return specs; }
    public void setSpecs(String specs) { this.specs = specs; }
    public Integer getQuantity() { return quantity; }
    public void setQuantity(Integer quantity) { this.quantity = quantity; }
    public Long getUnitPriceFen() { return unitPriceFen; }
    public void setUnitPriceFen(Long unitPriceFen) { this.unitPriceFen = unitPriceFen; }
    public String getPriceRule() { return priceRule; }
    public void setPriceRule(String priceRule) { this.priceRule = priceRule; }
}
