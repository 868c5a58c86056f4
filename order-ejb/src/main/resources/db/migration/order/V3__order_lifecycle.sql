-- Payments and cancellations: what was paid, when the order last changed, and
-- the event chain each order continues (the correlation of the registration
-- that opened it, and its last event, which causes the next).
ALTER TABLE orders ADD COLUMN amount NUMERIC(11, 2);
ALTER TABLE orders ADD COLUMN currency VARCHAR(3);
ALTER TABLE orders ADD COLUMN updated_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE orders ADD COLUMN correlation_id VARCHAR(64);
ALTER TABLE orders ADD COLUMN last_event_id VARCHAR(64);
-- Orders opened before this version: user.registered starts its chain, so its
-- id is the correlation; their next event names it as cause (their
-- order.created id was not kept).
UPDATE orders SET correlation_id = caused_by, last_event_id = caused_by, updated_at = created_at;
