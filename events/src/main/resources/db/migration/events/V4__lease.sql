-- Leases: a named right that one node holds at a time (the relay's is
-- "relay"). Times are the database's clock, the one clock every node shares;
-- the generation grows with each new holder and fences the old one out.
CREATE TABLE lease (
    name        VARCHAR(100)             NOT NULL PRIMARY KEY,
    owner       VARCHAR(200),
    generation  BIGINT                   NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    acquired_at TIMESTAMP WITH TIME ZONE
);
