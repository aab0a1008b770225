-- An order order-service cancelled: no wallet debit may happen for it any more. For an order never debited the
-- row is a tombstone (amount 0) that makes a late debit collide on the primary key; a debit that did happen is
-- refunded in full and keeps its amounts.
ALTER TABLE wallet_debit ADD COLUMN closed_at DATETIME(3) NULL;
