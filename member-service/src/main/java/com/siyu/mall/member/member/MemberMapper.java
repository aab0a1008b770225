package com.siyu.mall.member.member;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;

@Mapper
interface MemberMapper extends BaseMapper<Member> {
}
