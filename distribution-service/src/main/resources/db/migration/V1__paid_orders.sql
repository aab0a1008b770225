-- Paid orders as this service learned them from OrderPaid (the input its rules will work on).
CREATE TABLE paid_order (
    order_id    BIGINT      NOT NULL PRIMARY KEY,
    member_id   BIGINT      NOT NULL,
    payable_fen BIGINT      NOT NULL,
    paid_at     DATETIME(3) NOT NULL,
    recorded_at DATETIME(3) NOT NULL,
    KEY idx_paid_order_member (member_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
