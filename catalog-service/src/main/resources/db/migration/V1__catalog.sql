CREATE TABLE spu (
    id          BIGINT       NOT NULL PRIMARY KEY,
    title       VARCHAR(200) NOT NULL,
    description TEXT         NULL,
    status      VARCHAR(16)  NOT NULL,
    created_at  DATETIME(3)  NOT NULL,
    updated_at  DATETIME(3)  NOT NULL,
    KEY idx_spu_status_id (status, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE sku (
    id         BIGINT        NOT NULL PRIMARY KEY,
    spu_id     BIGINT        NOT NULL,
    specs      VARCHAR(1000) NOT NULL,
    price_fen  BIGINT        NOT NULL,
    created_at DATETIME(3)   NOT NULL,
    updated_at DATETIME(3)   NOT NULL,
    KEY idx_sku_spu (spu_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Authoritative stock. available + reserved + sold changes only through the ledger-writing operations.
CREATE TABLE sku_stock (
    sku_id     BIGINT      NOT NULL PRIMARY KEY,
    available  INT         NOT NULL,
    reserved   INT         NOT NULL DEFAULT 0,
    sold       INT         NOT NULL DEFAULT 0,
    updated_at DATETIME(3) NOT NULL,
    CONSTRAINT ck_sku_stock_non_negative CHECK (available >= 0 AND reserved >= 0 AND sold >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- One row per order once catalog has decided: RESERVED, FAILED, RELEASED (also a tombstone when the
-- cancellation arrived first), CONFIRMED.
CREATE TABLE stock_reservation (
    order_id   BIGINT      NOT NULL PRIMARY KEY,
    status     VARCHAR(16) NOT NULL,
    created_at DATETIME(3) NOT NULL,
    updated_at DATETIME(3) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE stock_reservation_line (
    order_id BIGINT NOT NULL,
    sku_id   BIGINT NOT NULL,
    quantity INT    NOT NULL,
    PRIMARY KEY (order_id, sku_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE stock_ledger (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    sku_id          BIGINT       NOT NULL,
    order_id        BIGINT       NULL,
    change_type     VARCHAR(16)  NOT NULL,
    delta_available INT          NOT NULL,
    delta_reserved  INT          NOT NULL,
    delta_sold      INT          NOT NULL,
    reason          VARCHAR(200) NOT NULL,
    actor           VARCHAR(64)  NOT NULL,
    created_at      DATETIME(3)  NOT NULL,
    KEY idx_stock_ledger_sku (sku_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
