package com.siyu.mall.member.admin;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;

@Mapper
interface AdminUserMapper extends BaseMapper<AdminUser> {
}
