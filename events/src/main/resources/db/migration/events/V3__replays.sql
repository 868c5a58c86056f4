-- How often each event was replayed: a replayed event is unpublished again
-- (published_at NULL) and the relay sends it with a duplicate id of its own
-- (<id>#replay-<n>), which the broker has not seen yet.
ALTER TABLE event ADD COLUMN replays INT DEFAULT 0 NOT NULL;
