package com.siyu.mall.catalog.search;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class SearchController {

    private final ProductSearch search;

    SearchController(ProductSearch search) {
        this.search = search;
    }

    @PostMapping("/admin/v1/search/rebuild")
    ProductSearch.Rebuilt rebuild() {
        return search.rebuild();
    }
}
