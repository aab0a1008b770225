-- Category tree (at most 3 levels; the depth rule lives in CategoryTree). Roots have parent_id 0 so that
-- uk_category_parent_name also holds for them (NULLs never collide in a unique key).
CREATE TABLE category (
    id         BIGINT      NOT NULL PRIMARY KEY,
    parent_id  BIGINT      NOT NULL DEFAULT 0,
    name       VARCHAR(64) NOT NULL,
    sort_order INT         NOT NULL DEFAULT 0,
    created_at DATETIME(3) NOT NULL,
    updated_at DATETIME(3) NOT NULL,
    UNIQUE KEY uk_category_parent_name (parent_id, name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE brand (
    id          BIGINT        NOT NULL PRIMARY KEY,
    name        VARCHAR(64)   NOT NULL,
    logo_url    VARCHAR(500)  NULL,
    description VARCHAR(1000) NULL,
    created_at  DATETIME(3)   NOT NULL,
    updated_at  DATETIME(3)   NOT NULL,
    UNIQUE KEY uk_brand_name (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

ALTER TABLE spu
    ADD COLUMN subtitle         VARCHAR(200)  NULL AFTER title,
    ADD COLUMN image_urls       TEXT          NULL AFTER description,
    ADD COLUMN category_id      BIGINT        NULL,
    ADD COLUMN brand_id         BIGINT        NULL,
    ADD COLUMN sort_weight      INT           NOT NULL DEFAULT 0,
    ADD COLUMN audience         VARCHAR(20)   NOT NULL DEFAULT 'PUBLIC',
    ADD COLUMN per_member_limit INT           NULL,
    ADD KEY idx_spu_category (category_id),
    ADD KEY idx_spu_brand (brand_id);

-- Preference tags, one row per (product, tag), so that "tag = ?" is an index lookup.
CREATE TABLE spu_tag (
    spu_id BIGINT      NOT NULL,
    tag    VARCHAR(32) NOT NULL,
    PRIMARY KEY (spu_id, tag),
    KEY idx_spu_tag_tag (tag, spu_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

ALTER TABLE sku
    ADD COLUMN barcode            VARCHAR(64) NULL,
    ADD COLUMN original_price_fen BIGINT      NULL,
    ADD COLUMN weight_grams       INT         NULL;

-- 0 = no low-stock alert for this SKU.
ALTER TABLE sku_stock
    ADD COLUMN low_stock_threshold INT NOT NULL DEFAULT 0;
