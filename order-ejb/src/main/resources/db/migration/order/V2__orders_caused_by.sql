-- An order remembers the event that opened it; the unique constraint makes a
-- second order for the same event impossible, whatever the consumer does.
ALTER TABLE orders ADD COLUMN caused_by VARCHAR(64);
CREATE UNIQUE INDEX orders_caused_by ON orders (caused_by);
-- Consumers now record what they applied in the event store's consumed_event.
DROP TABLE processed_event;
