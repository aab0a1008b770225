CREATE TABLE sales_order (
    id                 BIGINT       NOT NULL PRIMARY KEY,
    order_no           VARCHAR(32)  NOT NULL,
    member_id          BIGINT       NOT NULL,
    status             VARCHAR(24)  NOT NULL,
    cancel_reason      VARCHAR(24)  NULL,
    total_fen          BIGINT       NOT NULL,
    payable_fen        BIGINT       NOT NULL,
    address_cipher     TEXT         NOT NULL,
    idempotency_key    VARCHAR(64)  NOT NULL,
    payment_deadline   DATETIME(3)  NULL,
    paid_at            DATETIME(3)  NULL,
    cancelled_at       DATETIME(3)  NULL,
    created_at         DATETIME(3)  NOT NULL,
    updated_at         DATETIME(3)  NOT NULL,
    version            INT          NOT NULL DEFAULT 0,
    UNIQUE KEY uk_sales_order_no (order_no),
    UNIQUE KEY uk_sales_order_idempotency (member_id, idempotency_key),
    KEY idx_sales_order_member (member_id, id),
    KEY idx_sales_order_deadline (status, payment_deadline)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE sales_order_line (
    id             BIGINT        NOT NULL PRIMARY KEY,
    order_id       BIGINT        NOT NULL,
    sku_id         BIGINT        NOT NULL,
    spu_id         BIGINT        NOT NULL,
    title          VARCHAR(200)  NOT NULL,
    specs          VARCHAR(1000) NOT NULL,
    quantity       INT           NOT NULL,
    unit_price_fen BIGINT        NOT NULL,
    price_rule     VARCHAR(32)   NOT NULL,
    KEY idx_sales_order_line_order (order_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE payment (
    id               BIGINT      NOT NULL PRIMARY KEY,
    payment_no       VARCHAR(32) NOT NULL,
    order_id         BIGINT      NOT NULL,
    member_id        BIGINT      NOT NULL,
    channel          VARCHAR(16) NOT NULL,
    amount_fen       BIGINT      NOT NULL,
    status           VARCHAR(24) NOT NULL,
    idempotency_key  VARCHAR(64) NOT NULL,
    provider_txn_id  VARCHAR(64) NULL,
    paid_at          DATETIME(3) NULL,
    created_at       DATETIME(3) NOT NULL,
    updated_at       DATETIME(3) NOT NULL,
    UNIQUE KEY uk_payment_no (payment_no),
    UNIQUE KEY uk_payment_idempotency (member_id, idempotency_key),
    KEY idx_payment_order (order_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
