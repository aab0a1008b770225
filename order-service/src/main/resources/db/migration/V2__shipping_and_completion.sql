ALTER TABLE sales_order
    ADD COLUMN carrier      VARCHAR(32) NULL,
    ADD COLUMN tracking_no  VARCHAR(64) NULL,
    ADD COLUMN shipped_at   DATETIME(3) NULL,
    ADD COLUMN completed_at DATETIME(3) NULL,
    ADD KEY idx_sales_order_shipped (status, shipped_at);
