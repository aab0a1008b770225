package com.siyu.mall.order.order;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface OrderMapper extends BaseMapper<Order> {

    /** Every change to an order happens under this row lock, so payment, cancel and timeout serialise. */
    @Select("SELECT * FROM sales_order WHERE id = #{id} FOR UPDATE")
    Order lock(long id);
}
