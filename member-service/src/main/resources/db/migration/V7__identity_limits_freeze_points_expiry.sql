-- member-service issue 3, part 3: SMS/login limits, WeChat mini-program identities, admin freeze, points expiry,
-- refund reversal. Times are DATETIME(3) in UTC.

-- Fixed-window counters shared by all replicas: one row per scope, subject and window, incremented by an upsert
-- that locks the row, so two replicas can never both take the last slot.
CREATE TABLE auth_rate_counter (
    scope        VARCHAR(16) NOT NULL COMMENT 'SMS_PHONE_DAY, SMS_IP_HOUR, LOGIN_IP_HOUR',
    subject_hash CHAR(64)    NOT NULL COMMENT 'HMAC-SHA256 of the phone or the client IP, hex',
    window_start DATETIME(3) NOT NULL,
    hits         INT         NOT NULL,
    PRIMARY KEY (scope, subject_hash, window_start),
    KEY idx_auth_rate_counter_window (window_start)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- One WeChat identity (unionid) per member and one member per unionid. Identifiers are stored as keyed hashes only.
CREATE TABLE member_wechat (
    member_id     BIGINT      NOT NULL PRIMARY KEY,
    unionid_hash  CHAR(64)    NOT NULL,
    openid_hash   CHAR(64)    NOT NULL,
    created_at    DATETIME(3) NOT NULL,
    UNIQUE KEY uk_member_wechat_unionid (unionid_hash)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- A WeChat login of an unknown unionid waits here (single use, short-lived) until the phone is bound by SMS code.
CREATE TABLE wechat_bind_token (
    token_hash   CHAR(64)    NOT NULL PRIMARY KEY COMMENT 'SHA-256 of the opaque bind token, hex',
    unionid_hash CHAR(64)    NOT NULL,
    openid_hash  CHAR(64)    NOT NULL,
    inviter_id   BIGINT      NULL,
    expires_at   DATETIME(3) NOT NULL,
    used_at      DATETIME(3) NULL,
    created_at   DATETIME(3) NOT NULL,
    KEY idx_wechat_bind_token_expires (expires_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- The current freeze (a row = frozen) and the audit trail of every freeze and unfreeze.
CREATE TABLE member_freeze (
    member_id BIGINT       NOT NULL PRIMARY KEY,
    reason    VARCHAR(200) NOT NULL,
    actor     VARCHAR(64)  NOT NULL,
    frozen_at DATETIME(3)  NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE member_freeze_record (
    id         BIGINT       NOT NULL PRIMARY KEY,
    member_id  BIGINT       NOT NULL,
    action     VARCHAR(16)  NOT NULL COMMENT 'FREEZE, UNFREEZE',
    reason     VARCHAR(200) NOT NULL,
    actor      VARCHAR(64)  NOT NULL,
    created_at DATETIME(3)  NOT NULL,
    KEY idx_member_freeze_record_member (member_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- The expiry job looks for credits whose expiry has passed.
CREATE INDEX idx_points_ledger_expires ON points_ledger (expires_at);

-- One expiry run per member and expiry moment (the end of an earning year): the ledger row is written only by the
-- run that inserts this row.
CREATE TABLE points_expiry (
    member_id  BIGINT      NOT NULL,
    expires_at DATETIME(3) NOT NULL,
    points     BIGINT      NOT NULL COMMENT 'expired (0: nothing was left)',
    created_at DATETIME(3) NOT NULL,
    PRIMARY KEY (member_id, expires_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- One row per OrderRefunded applied: what was taken back, and the points that could not be (already spent).
CREATE TABLE order_refund (
    refund_id        BIGINT      NOT NULL PRIMARY KEY,
    order_id         BIGINT      NOT NULL,
    member_id        BIGINT      NOT NULL,
    amount_fen       BIGINT      NOT NULL,
    points_reversed  BIGINT      NOT NULL COMMENT 'pending + available taken back',
    pending_reversed BIGINT      NOT NULL COMMENT 'the part of points_reversed taken from pending',
    points_shortfall BIGINT      NOT NULL COMMENT 'owed but already spent: not taken, balance stays >= 0',
    growth_reversed  BIGINT      NOT NULL,
    created_at       DATETIME(3) NOT NULL,
    KEY idx_order_refund_order (order_id),
    KEY idx_order_refund_member (member_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
