-- Explicit prices per member level (V0…V4). Absent row = the member's benefit discount applies (MemberPricing).
CREATE TABLE sku_member_price (
    sku_id     BIGINT      NOT NULL,
    level_code VARCHAR(8)  NOT NULL,
    price_fen  BIGINT      NOT NULL,
    updated_at DATETIME(3) NOT NULL,
    PRIMARY KEY (sku_id, level_code),
    CONSTRAINT ck_sku_member_price_positive CHECK (price_fen >= 1)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Units of a limited product (NEW_MEMBERS_ONLY) a member holds in live or paid orders. Updated in the reservation
-- batch transaction under the row lock (a new row is a plain INSERT: a concurrent insert fails on the key and the
-- batch is replayed), so two concurrent orders can never both pass the limit.
CREATE TABLE member_spu_purchase (
    member_id  BIGINT      NOT NULL,
    spu_id     BIGINT      NOT NULL,
    quantity   INT         NOT NULL,
    updated_at DATETIME(3) NOT NULL,
    PRIMARY KEY (member_id, spu_id),
    CONSTRAINT ck_member_spu_purchase_non_negative CHECK (quantity >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- What one reservation counted against member_spu_purchase, so a release gives exactly that back.
CREATE TABLE member_spu_purchase_order (
    order_id  BIGINT NOT NULL,
    spu_id    BIGINT NOT NULL,
    member_id BIGINT NOT NULL,
    quantity  INT    NOT NULL,
    PRIMARY KEY (order_id, spu_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Recommendations, learnt from OrderPaid (one row per learnt order: the learner's own idempotency key).
CREATE TABLE recommend_learned_order (
    order_id   BIGINT      NOT NULL PRIMARY KEY,
    learned_at DATETIME(3) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Bought together: both directions, so "related to X" is one index range.
CREATE TABLE co_purchase (
    spu_id       BIGINT NOT NULL,
    other_spu_id BIGINT NOT NULL,
    orders       INT    NOT NULL,
    PRIMARY KEY (spu_id, other_spu_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE member_purchase (
    member_id    BIGINT      NOT NULL,
    spu_id       BIGINT      NOT NULL,
    quantity     INT         NOT NULL,
    last_paid_at DATETIME(3) NOT NULL,
    PRIMARY KEY (member_id, spu_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- kind: TAG or CATEGORY; weight = units bought with that tag or in that category.
CREATE TABLE member_preference (
    member_id BIGINT      NOT NULL,
    kind      VARCHAR(10) NOT NULL,
    value     VARCHAR(64) NOT NULL,
    weight    INT         NOT NULL,
    PRIMARY KEY (member_id, kind, value)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
