-- member-service issue 3, part 1: profile fields, addresses, levels (growth), points ledger, sign-ins, lifecycle.
-- Times are DATETIME(3) in UTC; dates (birthday, sign-in day) are calendar dates in Asia/Shanghai.

ALTER TABLE member
    ADD COLUMN avatar_url VARCHAR(512) NULL,
    ADD COLUMN gender     VARCHAR(8)   NOT NULL DEFAULT 'UNKNOWN' COMMENT 'MALE, FEMALE, UNKNOWN',
    ADD COLUMN birthday   DATE         NULL COMMENT 'settable once';

-- Receiver name, phone and detail are PII: AES-GCM ciphertext only (PiiCipher).
CREATE TABLE member_address (
    id                   BIGINT        NOT NULL PRIMARY KEY,
    member_id            BIGINT        NOT NULL,
    receiver_name_cipher VARCHAR(255)  NOT NULL,
    phone_cipher         VARCHAR(255)  NOT NULL,
    province             VARCHAR(32)   NOT NULL,
    city                 VARCHAR(32)   NOT NULL,
    district             VARCHAR(32)   NOT NULL,
    detail_cipher        VARCHAR(1024) NOT NULL,
    is_default           TINYINT(1)    NOT NULL,
    created_at           DATETIME(3)   NOT NULL,
    updated_at           DATETIME(3)   NOT NULL,
    KEY idx_member_address_member (member_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Tiers by growth value. Codes are V<n>; thresholds strictly increase with n; V0 sits at 0 and always exists.
CREATE TABLE member_level (
    code                        VARCHAR(8)    NOT NULL PRIMARY KEY,
    name                        VARCHAR(32)   NOT NULL,
    growth_threshold            BIGINT        NOT NULL,
    discount_percent            INT           NOT NULL COMMENT 'percent off, 0-90',
    points_multiplier           DECIMAL(4, 2) NOT NULL,
    free_shipping               TINYINT(1)    NOT NULL,
    birthday_coupon_template_id BIGINT        NULL,
    created_at                  DATETIME(3)   NOT NULL,
    updated_at                  DATETIME(3)   NOT NULL,
    UNIQUE KEY uk_member_level_threshold (growth_threshold)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

INSERT INTO member_level (code, name, growth_threshold, discount_percent, points_multiplier, free_shipping,
                          birthday_coupon_template_id, created_at, updated_at)
VALUES ('V0', '普通会员', 0, 0, 1.00, 0, NULL, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3)),
       ('V1', '白银会员', 500, 2, 1.10, 0, NULL, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3)),
       ('V2', '黄金会员', 2000, 5, 1.20, 0, NULL, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3)),
       ('V3', '铂金会员', 5000, 8, 1.50, 1, NULL, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3)),
       ('V4', '钻石会员', 20000, 10, 2.00, 1, NULL, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3));

-- Growth value: the total, plus one row per order effect (uk: an order adds growth once, is taken back once).
CREATE TABLE member_growth (
    member_id  BIGINT      NOT NULL PRIMARY KEY,
    growth     BIGINT      NOT NULL,
    updated_at DATETIME(3) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE growth_record (
    id         BIGINT      NOT NULL PRIMARY KEY,
    member_id  BIGINT      NOT NULL,
    order_id   BIGINT      NOT NULL,
    kind       VARCHAR(16) NOT NULL COMMENT 'ORDER_PAID (later: ORDER_REFUNDED)',
    delta      BIGINT      NOT NULL,
    created_at DATETIME(3) NOT NULL,
    UNIQUE KEY uk_growth_record_order_kind (order_id, kind),
    KEY idx_growth_record_member (member_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Points: append-only. Each balance (AVAILABLE, PENDING, RESERVED) is the sum of its bucket's deltas.
-- A move between buckets is two rows with the same kind and ref. Writers lock the member row first.
CREATE TABLE points_ledger (
    id         BIGINT       NOT NULL PRIMARY KEY,
    member_id  BIGINT       NOT NULL,
    bucket     VARCHAR(16)  NOT NULL COMMENT 'AVAILABLE, PENDING, RESERVED',
    kind       VARCHAR(32)  NOT NULL,
    delta      BIGINT       NOT NULL,
    ref_id     BIGINT       NULL COMMENT 'order id for order and reservation rows',
    expires_at DATETIME(3)  NULL COMMENT 'on AVAILABLE credits that were earned',
    reason     VARCHAR(200) NULL,
    actor      VARCHAR(64)  NULL COMMENT 'who adjusted (token subject)',
    created_at DATETIME(3)  NOT NULL,
    UNIQUE KEY uk_points_ledger_ref (ref_id, kind, bucket),
    KEY idx_points_ledger_member (member_id, id),
    KEY idx_points_ledger_member_bucket (member_id, bucket)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE points_reservation (
    order_id   BIGINT      NOT NULL PRIMARY KEY,
    member_id  BIGINT      NOT NULL,
    points     BIGINT      NOT NULL,
    status     VARCHAR(16) NOT NULL COMMENT 'RESERVED, CONFIRMED, RELEASED',
    created_at DATETIME(3) NOT NULL,
    updated_at DATETIME(3) NOT NULL,
    KEY idx_points_reservation_member (member_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE sign_in (
    member_id  BIGINT      NOT NULL,
    sign_date  DATE        NOT NULL COMMENT 'Asia/Shanghai calendar day',
    streak_day INT         NOT NULL,
    points     INT         NOT NULL,
    created_at DATETIME(3) NOT NULL,
    PRIMARY KEY (member_id, sign_date)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Lifecycle: one row per distinct paid order, and the member's current stage (no row = NEW).
CREATE TABLE paid_order (
    order_id    BIGINT      NOT NULL PRIMARY KEY,
    member_id   BIGINT      NOT NULL,
    payable_fen BIGINT      NOT NULL,
    paid_at     DATETIME(3) NOT NULL,
    created_at  DATETIME(3) NOT NULL,
    KEY idx_paid_order_member (member_id, paid_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE member_lifecycle (
    member_id  BIGINT      NOT NULL PRIMARY KEY,
    stage      VARCHAR(16) NOT NULL,
    updated_at DATETIME(3) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
