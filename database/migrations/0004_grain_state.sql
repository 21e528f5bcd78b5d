-- Orleans grain state, written by the Npgsql grain storage with ETag concurrency.
CREATE TABLE grain_state (
    state_name  text        NOT NULL,
    grain_id    text        NOT NULL,
    grain_type  text        NOT NULL,
    payload     jsonb       NOT NULL,
    etag        bigint      NOT NULL,
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (state_name, grain_id)
);
