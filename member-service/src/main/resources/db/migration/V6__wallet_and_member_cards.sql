-- member-service issue 3, part 3: stored value (wallet), recharge plans, paid member cards.

-- Recharge plans: pay pay_fen, get bonus_fen on top.
CREATE TABLE recharge_plan (
    id         BIGINT      NOT NULL PRIMARY KEY,
    name       VARCHAR(32) NOT NULL,
    pay_fen    BIGINT      NOT NULL,
    bonus_fen  BIGINT      NOT NULL,
    enabled    BOOLEAN     NOT NULL,
    created_at DATETIME(3) NOT NULL,
    updated_at DATETIME(3) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- One wallet per member, created by the first credit. Balance = principal + bonus, neither ever below 0
-- (every change runs under this row's lock and checks first; the CHECKs are the last line of defence).
CREATE TABLE wallet_account (
    member_id     BIGINT      NOT NULL PRIMARY KEY,
    principal_fen BIGINT      NOT NULL,
    bonus_fen     BIGINT      NOT NULL,
    version       BIGINT      NOT NULL,
    created_at    DATETIME(3) NOT NULL,
    updated_at    DATETIME(3) NOT NULL,
    CONSTRAINT ck_wallet_account_principal CHECK (principal_fen >= 0),
    CONSTRAINT ck_wallet_account_bonus CHECK (bonus_fen >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Append-only: every change of a wallet, in the transaction that makes it. One row per (kind, ref_id):
-- RECHARGE per recharge, DEBIT per order, REFUND per refund, CARD_PURCHASE per card purchase.
CREATE TABLE wallet_ledger (
    id              BIGINT      NOT NULL PRIMARY KEY,
    member_id       BIGINT      NOT NULL,
    kind            VARCHAR(16) NOT NULL,
    ref_id          BIGINT      NOT NULL,
    principal_delta BIGINT      NOT NULL,
    bonus_delta     BIGINT      NOT NULL,
    balance_after   BIGINT      NOT NULL,
    created_at      DATETIME(3) NOT NULL,
    UNIQUE KEY uk_wallet_ledger_ref (kind, ref_id),
    KEY idx_wallet_ledger_member (member_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- A recharge: PENDING until the provider's signed notification, then CREDITED (once).
CREATE TABLE wallet_recharge (
    id              BIGINT      NOT NULL PRIMARY KEY,
    member_id       BIGINT      NOT NULL,
    plan_id         BIGINT      NULL,
    principal_fen   BIGINT      NOT NULL,
    bonus_fen       BIGINT      NOT NULL,
    channel         VARCHAR(16) NOT NULL,
    payment_no      VARCHAR(32) NOT NULL,
    status          VARCHAR(16) NOT NULL COMMENT 'PENDING, CREDITED',
    idempotency_key VARCHAR(64) NOT NULL,
    provider_txn_id VARCHAR(64) NULL,
    created_at      DATETIME(3) NOT NULL,
    credited_at     DATETIME(3) NULL,
    UNIQUE KEY uk_wallet_recharge_payment (payment_no),
    UNIQUE KEY uk_wallet_recharge_idempotency (member_id, idempotency_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- An order paid from the wallet: one per order (the key), with its principal/bonus split and what was refunded.
CREATE TABLE wallet_debit (
    order_id              BIGINT      NOT NULL PRIMARY KEY,
    member_id             BIGINT      NOT NULL,
    amount_fen            BIGINT      NOT NULL,
    principal_fen         BIGINT      NOT NULL,
    bonus_fen             BIGINT      NOT NULL,
    balance_after         BIGINT      NOT NULL,
    refunded_fen          BIGINT      NOT NULL,
    refunded_bonus_fen    BIGINT      NOT NULL,
    created_at            DATETIME(3) NOT NULL,
    updated_at            DATETIME(3) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- A refund back to the wallet: one per refund id (the key).
CREATE TABLE wallet_refund (
    refund_id     BIGINT      NOT NULL PRIMARY KEY,
    order_id      BIGINT      NOT NULL,
    member_id     BIGINT      NOT NULL,
    amount_fen    BIGINT      NOT NULL,
    principal_fen BIGINT      NOT NULL,
    bonus_fen     BIGINT      NOT NULL,
    balance_after BIGINT      NOT NULL,
    created_at    DATETIME(3) NOT NULL,
    KEY idx_wallet_refund_order (order_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Paid member card plans and their benefits.
CREATE TABLE card_plan (
    id                BIGINT       NOT NULL PRIMARY KEY,
    code              VARCHAR(32)  NOT NULL,
    name              VARCHAR(32)  NOT NULL,
    price_fen         BIGINT       NOT NULL,
    duration_days     INT          NOT NULL,
    discount_percent  INT          NOT NULL,
    points_multiplier DECIMAL(4,2) NOT NULL,
    free_shipping     BOOLEAN      NOT NULL,
    monthly_coupons   INT          NOT NULL,
    enabled           BOOLEAN      NOT NULL,
    created_at        DATETIME(3)  NOT NULL,
    updated_at        DATETIME(3)  NOT NULL,
    UNIQUE KEY uk_card_plan_code (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- A purchase or renewal of a card: MOCK ones are PENDING until the notification, WALLET ones ACTIVATED at once.
CREATE TABLE card_purchase (
    id              BIGINT      NOT NULL PRIMARY KEY,
    member_id       BIGINT      NOT NULL,
    plan_id         BIGINT      NOT NULL,
    price_fen       BIGINT      NOT NULL,
    channel         VARCHAR(16) NOT NULL,
    payment_no      VARCHAR(32) NOT NULL,
    status          VARCHAR(16) NOT NULL COMMENT 'PENDING, ACTIVATED',
    idempotency_key VARCHAR(64) NOT NULL,
    provider_txn_id VARCHAR(64) NULL,
    expires_at      DATETIME(3) NULL COMMENT 'the card expiry this purchase set',
    created_at      DATETIME(3) NOT NULL,
    activated_at    DATETIME(3) NULL,
    UNIQUE KEY uk_card_purchase_payment (payment_no),
    UNIQUE KEY uk_card_purchase_idempotency (member_id, idempotency_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- The member's card: benefits copied from the plan at the last purchase (what was paid for), ACTIVE until expiry.
CREATE TABLE member_card (
    member_id         BIGINT       NOT NULL PRIMARY KEY,
    plan_id           BIGINT       NOT NULL,
    plan_code         VARCHAR(32)  NOT NULL,
    plan_name         VARCHAR(32)  NOT NULL,
    discount_percent  INT          NOT NULL,
    points_multiplier DECIMAL(4,2) NOT NULL,
    free_shipping     BOOLEAN      NOT NULL,
    monthly_coupons   INT          NOT NULL,
    status            VARCHAR(16)  NOT NULL COMMENT 'ACTIVE, EXPIRED',
    started_at        DATETIME(3)  NOT NULL,
    expires_at        DATETIME(3)  NOT NULL,
    updated_at        DATETIME(3)  NOT NULL,
    KEY idx_member_card_expiry (status, expires_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
