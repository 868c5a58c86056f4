-- The event store, which is also the outbox: services insert their events in
-- their own business transaction; the relay publishes the rows whose
-- published_at is null, in position order, and then stamps them.
CREATE TABLE event (
    position          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id                VARCHAR(64)    NOT NULL,
    subject           VARCHAR(100)   NOT NULL,
    sequence          BIGINT         NOT NULL,
    type              VARCHAR(100)   NOT NULL,
    source            VARCHAR(200)   NOT NULL,
    occurred_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    correlation_id    VARCHAR(64),
    causation_id      VARCHAR(64),
    data_content_type VARCHAR(100)   NOT NULL,
    data_schema       VARCHAR(200),
    data              VARCHAR(65536) NOT NULL,
    published_at      TIMESTAMP WITH TIME ZONE,
    CONSTRAINT event_id_unique UNIQUE (id),
    -- one event per place in its subject's history: also serves queries by subject
    CONSTRAINT event_subject_sequence_unique UNIQUE (subject, sequence)
);
-- the relay's query: unpublished rows in position order
CREATE INDEX event_unpublished ON event (published_at, position);
-- queries by type, correlation and time (the cursor is the position)
CREATE INDEX event_type ON event (type, position);
CREATE INDEX event_correlation ON event (correlation_id);
CREATE INDEX event_occurred_at ON event (occurred_at);

-- Every event each consumer has applied, written in the transaction of its
-- effect: a redelivered event finds its row and has no second effect.
CREATE TABLE consumed_event (
    consumer    VARCHAR(100) NOT NULL,
    event_id    VARCHAR(64)  NOT NULL,
    subject     VARCHAR(100),
    sequence    BIGINT,
    consumed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    -- event id first: the dedup query asks for a batch of ids (event_id IN (...)),
    -- which H2 looks up in the index only on its leading column
    PRIMARY KEY (event_id, consumer)
);
-- the last sequence a consumer applied per subject
CREATE INDEX consumed_event_subject ON consumed_event (consumer, subject, sequence);
