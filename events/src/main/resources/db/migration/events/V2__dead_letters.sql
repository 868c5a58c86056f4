-- Events a consumer gave up on (FAILED), and the later events of the same
-- subject held behind them (PARKED) so that none overtakes the failed one.
-- Each keeps the event as received; a redrive applies them in order and
-- deletes their rows in the same transaction.
CREATE TABLE dead_letter (
    id          VARCHAR(64)    NOT NULL PRIMARY KEY,
    consumer    VARCHAR(100)   NOT NULL,
    event_id    VARCHAR(64)    NOT NULL,
    subject     VARCHAR(100)   NOT NULL,
    sequence    BIGINT,
    state       VARCHAR(8)     NOT NULL,
    reason      VARCHAR(1000),
    attempts    INT            NOT NULL,
    event       VARCHAR(65536) NOT NULL,
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT dead_letter_event_unique UNIQUE (consumer, event_id),
    CONSTRAINT dead_letter_state CHECK (state IN ('FAILED', 'PARKED'))
);
-- "is this subject held back for this consumer?", asked for every batch
CREATE INDEX dead_letter_subject ON dead_letter (consumer, subject);
