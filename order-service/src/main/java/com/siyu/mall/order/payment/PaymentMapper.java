package com.siyu.mall.order.payment;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface PaymentMapper extends BaseMapper<Payment> {

    @Select("SELECT * FROM payment WHERE payment_no = #{paymentNo} FOR UPDATE")
    Payment lockByNo(String paymentNo);
}
