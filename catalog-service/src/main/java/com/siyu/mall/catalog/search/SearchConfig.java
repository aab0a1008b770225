package com.siyu.mall.catalog.search;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The periodic index rebuild. */
@Configuration
@EnableScheduling
class SearchConfig {
}
