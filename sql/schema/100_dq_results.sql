-- one row per data-quality check per run
CREATE TABLE IF NOT EXISTS dq_results (
    run_id      VARCHAR NOT NULL,
    check_name  VARCHAR NOT NULL,
    table_name  VARCHAR NOT NULL,
    severity    VARCHAR NOT NULL,   -- error / warning
    passed      BOOLEAN NOT NULL,
    n_failed    INTEGER NOT NULL,
    details     VARCHAR
);
