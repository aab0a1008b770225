-- member-service issue 3, part 2: tags (manual, preference), RFM scores, what preference tags are computed from.

-- MANUAL tags come from operators; PREFERENCE tags (category:<id>) are derived and replaced on recomputation.
CREATE TABLE member_tag (
    member_id  BIGINT      NOT NULL,
    tag        VARCHAR(48) NOT NULL,
    source     VARCHAR(16) NOT NULL COMMENT 'MANUAL, PREFERENCE',
    actor      VARCHAR(64) NULL COMMENT 'the operator who added a MANUAL tag',
    created_at DATETIME(3) NOT NULL,
    PRIMARY KEY (member_id, tag),
    KEY idx_member_tag_tag (tag, member_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Which category each product is in, learned from catalog's ProductPublished / ProductChanged.
CREATE TABLE catalog_spu (
    spu_id      BIGINT      NOT NULL PRIMARY KEY,
    category_id BIGINT      NULL,
    source_at   DATETIME(3) NOT NULL COMMENT 'occurredAt of the event the row reflects; older events never win'
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- The products of each paid order, once per order and product (a redelivered OrderPaid adds nothing).
CREATE TABLE purchased_spu (
    order_id   BIGINT      NOT NULL,
    spu_id     BIGINT      NOT NULL,
    member_id  BIGINT      NOT NULL,
    created_at DATETIME(3) NOT NULL,
    PRIMARY KEY (order_id, spu_id),
    KEY idx_purchased_spu_member (member_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- RFM quintile scores (1-5) of members who have paid, from the daily job; rfm = e.g. '534'.
CREATE TABLE member_rfm (
    member_id       BIGINT      NOT NULL PRIMARY KEY,
    recency_score   TINYINT     NOT NULL,
    frequency_score TINYINT     NOT NULL,
    monetary_score  TINYINT     NOT NULL,
    rfm             CHAR(3)     NOT NULL,
    computed_at     DATETIME(3) NOT NULL,
    KEY idx_member_rfm_rfm (rfm)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
